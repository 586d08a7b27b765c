using System.Net;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>A <see cref="HadoopRpcServer"/> on 127.0.0.1:0 with a test protocol registered.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const string Protocol = "org.apache.hadoop.yarn.api.ApplicationMasterProtocolPB";
    public static readonly byte[] Identifier = [1, 2, 3, 4, 5, 6, 7, 8];
    public static readonly byte[] Password = [42, 43, 44, 45];

    public LoopbackServer(bool allowSimple = true, bool tokens = true, IReadOnlyList<SaslQop>? protection = null)
    {
        Server = new HadoopRpcServer(new HadoopRpcServerOptions
        {
            Protection = protection ?? RpcProtection.Default,
            AllowSimple = allowSimple,
            TokenSecretLookup = tokens ? id => id.SequenceEqual(Identifier) ? Password : null : null,
            TokenUser = _ => "appattempt_1_0001_000001",
        });
        Server.Register(Protocol, "finishApplicationMaster", FinishApplicationMasterRequestProto.Parser, (ctx, req, ct) =>
            Task.FromResult(new FinishApplicationMasterResponseProto { IsUnregistered = req.Diagnostics == ctx.User }));
        Server.Register(Protocol, "allocate", AllocateRequestProto.Parser, async (ctx, req, ct) =>
        {
            if (req.ResponseId < 0)
            {
                throw new HadoopServerException(HadoopExceptionNames.InvalidApplicationMasterRequest, "bad response id " + req.ResponseId);
            }

            if (Gates.TryGetValue(req.ResponseId, out var gate))
            {
                await gate.Task.WaitAsync(ct);
            }

            return new AllocateResponseProto { ResponseId = req.ResponseId + 1 };
        });
        EndPoint = Server.Start();
    }

    public HadoopRpcServer Server { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>Allocate calls whose response_id has a gate wait for it before answering.</summary>
    public Dictionary<int, TaskCompletionSource> Gates { get; } = [];

    public HadoopRpcClient TokenClient(byte[]? password = null, IReadOnlyList<SaslQop>? protection = null) =>
        new(EndPoint, Protocol, HadoopAuth.Token(Identifier, password ?? Password), new HadoopRpcClientOptions
        {
            CallTimeout = TimeSpan.FromSeconds(30),
            Protection = protection ?? RpcProtection.Default,
        });

    public HadoopRpcClient SimpleClient(string user = "alice") => new(EndPoint, Protocol, HadoopAuth.Simple(user));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
