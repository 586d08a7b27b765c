using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>ContainerManagementProtocolPB on one NM's RPC port: TOKEN (NMToken for this node) only.</summary>
internal sealed class NmRpcService(RmCore rm, RpcKeys keys)
{
    /// <summary>Creates the server; <paramref name="nodeId"/> is read per call (the port is known only once bound);
    /// <paramref name="protection"/> is <c>hadoop.rpc.protection</c> (authentication when null).</summary>
    public HadoopRpcServer CreateServer(Func<string> nodeId, IReadOnlyList<SaslQop>? protection = null)
    {
        var server = new HadoopRpcServer(new HadoopRpcServerOptions
        {
            Protection = protection ?? RpcProtection.Default,
            AllowSimple = false,
            TokenSecretLookup = id => keys.NmPassword(id, nodeId()),
            TokenUser = id => ApplicationAttemptId.FromProto(YarnTokenSecrets.ParseNMIdentifier(id).AppAttemptId).ToString(),
            ProtocolVersion = YarnProtocols.Version,
        });
        server.Register<StartContainersRequestProto, StartContainersResponseProto>(
            YarnProtocols.ContainerManagement, "startContainers", StartContainersRequestProto.Parser, (ctx, r, _) => Task.FromResult(Start(ctx, nodeId(), r)));
        server.Register<StopContainersRequestProto, StopContainersResponseProto>(
            YarnProtocols.ContainerManagement, "stopContainers", StopContainersRequestProto.Parser, (ctx, r, _) => Task.FromResult(Stop(ctx, nodeId(), r)));
        server.Register<GetContainerStatusesRequestProto, GetContainerStatusesResponseProto>(
            YarnProtocols.ContainerManagement, "getContainerStatuses", GetContainerStatusesRequestProto.Parser, (ctx, r, _) => Task.FromResult(Statuses(ctx, nodeId(), r)));
        return server;
    }

    private StartContainersResponseProto Start(HadoopCallContext ctx, string nodeId, StartContainersRequestProto request)
    {
        var response = new StartContainersResponseProto();
        foreach (var one in request.StartContainerRequest)
        {
            ContainerIdProto? idProto = null;
            try
            {
                var token = one.ContainerToken is null ? null : HadoopToken.FromProto(one.ContainerToken);
                var identifier = (token is null ? null : keys.VerifyContainerToken(token, nodeId))
                    ?? throw new RmRequestException(400, HadoopExceptionNames.InvalidToken, "Invalid container token used for starting container on : " + nodeId);
                idProto = identifier.ContainerId;
                var containerId = ContainerId.FromProto(idProto);
                var appId = AppOf(ctx, containerId);
                rm.StartContainer(appId, containerId.ToString(), LaunchSpecs.From(one.ContainerLaunchContext));
                response.SucceededRequests.Add(idProto);
            }
            catch (Exception ex) when (ex is RmRequestException or HadoopException or FormatException or Google.Protobuf.InvalidProtocolBufferException)
            {
                response.FailedRequests.Add(Failure(idProto ?? new ContainerIdProto(), ex));
            }
        }

        return response;
    }

    private StopContainersResponseProto Stop(HadoopCallContext ctx, string nodeId, StopContainersRequestProto request)
    {
        var response = new StopContainersResponseProto();
        foreach (var idProto in request.ContainerId)
        {
            try
            {
                var id = ContainerId.FromProto(idProto);
                rm.StopContainer(AppOf(ctx, id), id.ToString(), nodeId);
                response.SucceededRequests.Add(idProto);
            }
            catch (RmRequestException ex)
            {
                response.FailedRequests.Add(Failure(idProto, ex));
            }
        }

        return response;
    }

    private GetContainerStatusesResponseProto Statuses(HadoopCallContext ctx, string nodeId, GetContainerStatusesRequestProto request)
    {
        var response = new GetContainerStatusesResponseProto();
        foreach (var idProto in request.ContainerId)
        {
            var id = ContainerId.FromProto(idProto).ToString();
            var status = rm.Read(v => v.Nodes.SelectMany(n => n.Containers).Concat(v.Rm.CompletedContainers)
                .LastOrDefault(c => c.Id == id && c.Node.NodeId == nodeId) is { } c ? ProtoMap.Status(c) : null);
            if (status is not null && Owns(ctx, ContainerId.FromProto(idProto))) response.Status.Add(status);
            else response.FailedRequests.Add(Failure(idProto, new RmRequestException(400, HadoopExceptionNames.InvalidContainer,
                $"Container {id} is not handled by this NodeManager")));
        }

        return response;
    }

    private static bool Owns(HadoopCallContext ctx, ContainerId id) =>
        ApplicationAttemptId.Parse(ctx.User).ApplicationId == id.AttemptId.ApplicationId;

    private static string AppOf(HadoopCallContext ctx, ContainerId id) => Owns(ctx, id)
        ? id.AttemptId.ApplicationId.ToString()
        : throw new RmRequestException(400, HadoopExceptionNames.YarnException,
            $"Unauthorized request to start container. NMToken for application attempt : {ctx.User} was used for starting container with container token issued for application attempt : {id.AttemptId}");

    private static ContainerExceptionMapProto Failure(ContainerIdProto id, Exception ex) => new()
    {
        ContainerId = id,
        Exception = new SerializedExceptionProto
        {
            Message = ex.Message,
            ClassName = ex switch { RmRequestException r => r.JavaClassName, HadoopServerException h => h.ClassName, _ => HadoopExceptionNames.YarnException },
            Trace = "",
        },
    };
}
