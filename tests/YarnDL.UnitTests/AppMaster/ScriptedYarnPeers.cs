using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>A scripted RM scheduler port and one NM on loopback, both TOKEN-only with known master keys.</summary>
internal sealed class ScriptedYarnPeers : IAsyncDisposable
{
    public static readonly ApplicationAttemptId Attempt = new(new YarnApplicationId(1700000000000, 1), 1);
    public static readonly ContainerId TaskContainer = ContainerId.Create(Attempt, 0, 2);

    private readonly byte[] _amKey = RandomNumberGenerator.GetBytes(20);
    private readonly byte[] _nmKey = RandomNumberGenerator.GetBytes(20);
    private int _allocations;

    public ScriptedYarnPeers()
    {
        Rm = new HadoopRpcServer(new HadoopRpcServerOptions { AllowSimple = false, TokenSecretLookup = id => YarnTokenSecrets.ComputePassword(id, _amKey) });
        Nm = new HadoopRpcServer(new HadoopRpcServerOptions { AllowSimple = false, TokenSecretLookup = id => YarnTokenSecrets.ComputePassword(id, _nmKey) });
        Rm.Register<RegisterApplicationMasterRequestProto, RegisterApplicationMasterResponseProto>(
            YarnProtocols.ApplicationMaster, "registerApplicationMaster", RegisterApplicationMasterRequestProto.Parser, (_, req, _) =>
            {
                Registrations.Add(req);
                return Task.FromResult(new RegisterApplicationMasterResponseProto { MaximumCapability = new ResourceProto { Memory = 8192, VirtualCores = 8 } });
            });
        Rm.Register<AllocateRequestProto, AllocateResponseProto>(YarnProtocols.ApplicationMaster, "allocate", AllocateRequestProto.Parser, (_, req, _) => Allocate(req));
        Nm.Register<StartContainersRequestProto, StartContainersResponseProto>(
            YarnProtocols.ContainerManagement, "startContainers", StartContainersRequestProto.Parser, (ctx, req, _) =>
            {
                Starts.Add((ctx.TokenIdentifier ?? [], req));
                var response = new StartContainersResponseProto();
                response.SucceededRequests.Add(TaskContainer.ToProto());
                return Task.FromResult(response);
            });
        Rm.Start();
        Nm.Start();
        AmRmToken = YarnTokenSecrets.MintAmRmToken(new AMRMTokenIdentifierProto { AppAttemptId = Attempt.ToProto(), KeyId = 1 }, _amKey);
        NmNode = new NodeId("127.0.0.1", Nm.LocalEndPoint.Port);
        NmToken = YarnTokenSecrets.MintNMToken(
            new NMTokenIdentifierProto { AppAttemptId = Attempt.ToProto(), NodeId = NmNode.ToProto(), AppSubmitter = "tester", KeyId = 1 }, _nmKey, NmNode.ToString());
    }

    public HadoopRpcServer Rm { get; }

    public HadoopRpcServer Nm { get; }

    public HadoopToken AmRmToken { get; }

    public HadoopToken NmToken { get; }

    public NodeId NmNode { get; }

    public ConcurrentBag<RegisterApplicationMasterRequestProto> Registrations { get; } = [];

    public ConcurrentQueue<AllocateRequestProto> Allocations { get; } = new();

    public ConcurrentBag<(byte[] TokenIdentifier, StartContainersRequestProto Request)> Starts { get; } = [];

    public YarnDL.Hadoop.Protos.Common.TokenProto ContainerToken { get; } = new()
    {
        Identifier = Google.Protobuf.ByteString.CopyFrom(0xCA, 0xFE),
        Password = Google.Protobuf.ByteString.CopyFrom(0x01),
        Kind = HadoopToken.ContainerTokenKind,
        Service = "127.0.0.1:0",
    };

    /// <summary>A loopback port nobody listens on (bound then released).</summary>
    public static int DeadPort()
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }

    private Task<AllocateResponseProto> Allocate(AllocateRequestProto req)
    {
        Allocations.Enqueue(req);
        if (Interlocked.Increment(ref _allocations) > 1)
        {
            throw new HadoopServerException(HadoopExceptionNames.ApplicationMasterNotRegistered, "AM is not registered for the attempt");
        }

        var response = new AllocateResponseProto { ResponseId = req.ResponseId + 1, NumClusterNodes = 1 };
        response.AllocatedContainers.Add(new ContainerProto
        {
            Id = TaskContainer.ToProto(),
            NodeId = NmNode.ToProto(),
            NodeHttpAddress = "127.0.0.1:8042",
            Resource = new ResourceProto { Memory = 512, VirtualCores = 1 },
            Priority = new PriorityProto { Priority = 1 },
            ContainerToken = ContainerToken,
            AllocationRequestId = 0,
        });
        response.NmTokens.Add(new NMTokenProto { NodeId = NmNode.ToProto(), Token = NmToken.ToProto() });
        return Task.FromResult(response);
    }

    public async ValueTask DisposeAsync()
    {
        await Rm.DisposeAsync();
        await Nm.DisposeAsync();
    }
}
