using Google.Protobuf;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.ResourceManager.AmProtocol;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>ApplicationMasterProtocolPB on one RM's scheduler address: TOKEN (AMRMToken) only, translated to <see cref="AmService"/>.
/// Only the active RM listens (a standby RM runs no ApplicationMasterService, so its scheduler address refuses
/// connections); a call that reaches a server whose RM has just stopped being active answers StandbyException.</summary>
internal sealed partial class AmRpcService(RmCore rm, AmService ams, RpcKeys keys, Func<bool> isActive, string rmId)
{
    private readonly NodeUpdates _nodeUpdates = new(rm);

    /// <summary>Creates the server offering <paramref name="protection"/> (<c>hadoop.rpc.protection</c>; authentication when
    /// null) on <paramref name="port"/> (0: a free one).</summary>
    public HadoopRpcServer CreateServer(IReadOnlyList<SaslQop>? protection = null, int port = 0)
    {
        var server = new HadoopRpcServer(new HadoopRpcServerOptions
        {
            Port = port,
            Protection = protection ?? RpcProtection.Default,
            AllowSimple = false,
            TokenSecretLookup = Lookup,
            TokenUser = id => ApplicationAttemptId.FromProto(YarnTokenSecrets.ParseAmRmIdentifier(id).AppAttemptId).ToString(),
            ProtocolVersion = YarnProtocols.Version,
        });
        server.Register<RegisterApplicationMasterRequestProto, RegisterApplicationMasterResponseProto>(
            YarnProtocols.ApplicationMaster, "registerApplicationMaster", RegisterApplicationMasterRequestProto.Parser, (ctx, r, _) => Run(() => Register(ctx.User, r)));
        server.Register<AllocateRequest, AllocateResponseProto>(
            YarnProtocols.ApplicationMaster, "allocate", AllocateRequestDecoder.Instance, (ctx, r, _) => Run(() => Allocate(ctx, r)));
        server.Register<FinishApplicationMasterRequestProto, FinishApplicationMasterResponseProto>(
            YarnProtocols.ApplicationMaster, "finishApplicationMaster", FinishApplicationMasterRequestProto.Parser, (ctx, r, _) => Run(() => Finish(ctx.User, r)));
        return server;
    }

    private byte[]? Lookup(byte[] identifier)
    {
        try
        {
            var id = YarnTokenSecrets.ParseAmRmIdentifier(identifier);
            return id.AppAttemptId is null ? null : rm.AmRmTokens.PasswordFor(identifier, id.KeyId);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>Runs a handler, turning the RM's refusals into Hadoop ERROR responses with the Java class name.</summary>
    private Task<T> Run<T>(Func<T> handler)
    {
        if (!isActive())
        {
            return Task.FromException<T>(new HadoopServerException(HadoopExceptionNames.Standby, $"ResourceManager {rmId} is not Active!"));
        }

        try
        {
            return Task.FromResult(handler());
        }
        catch (RmRequestException ex)
        {
            return Task.FromException<T>(new HadoopServerException(ex.JavaClassName, ex.Message));
        }
    }

    private RegisterApplicationMasterResponseProto Register(string attemptId, RegisterApplicationMasterRequestProto r)
    {
        var reply = ams.Register(attemptId, r.Host, r.RpcPort, r.HasTrackingUrl && r.TrackingUrl.Length > 0 ? r.TrackingUrl : null);
        if (rm.Options.PlacementConstraintsHandler == "scheduler" && r.PlacementConstraints.Count > 0)
        {
            // AbstractPlacementProcessor.registerApplicationMaster → PlacementConstraintManager.registerApplication: one
            // constraint per single source tag; entries with several tags or no constraint are dropped.
            var byTag = r.PlacementConstraints.Where(e => e.AllocationTags.Count == 1 && e.PlacementConstraint is not null)
                .GroupBy(e => e.AllocationTags[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().PlacementConstraint, StringComparer.Ordinal);
            rm.RegisterAppConstraints(ApplicationAttemptId.Parse(attemptId).ApplicationId.ToString(), byTag);
        }

        var user = UserOf(attemptId);
        var proto = new RegisterApplicationMasterResponseProto { MaximumCapability = ProtoMap.Resource(reply.MaximumCapability), Queue = reply.Queue };
        if (reply.GpusUnbounded)
        {
            // ClusterNodeTracker's configured maximum: yarn.io/gpu has no maximum-allocation configured, so Long.MAX_VALUE.
            proto.MaximumCapability.ResourceValueMap.Single(i => i.Key == ProtoMap.GpuResource).Value = long.MaxValue;
        }

        proto.SchedulerResourceTypes.Add(SchedulerResourceTypes.Memory);
        proto.SchedulerResourceTypes.Add(SchedulerResourceTypes.Cpu);
        // DefaultAMSProcessor.registerApplicationMaster: ResourceUtils.getResourcesTypeInfo(), memory-mb first (units Mi),
        // then vcores, then the types of resource-types.xml (yarn.io/gpu, no units); all COUNTABLE.
        proto.ResourceTypes.Add(new ResourceTypeInfoProto { Name = "memory-mb", Units = "Mi", Type = ResourceTypesProto.Countable });
        proto.ResourceTypes.Add(new ResourceTypeInfoProto { Name = "vcores", Units = "", Type = ResourceTypesProto.Countable });
        proto.ResourceTypes.Add(new ResourceTypeInfoProto { Name = "yarn.io/gpu", Units = "", Type = ResourceTypesProto.Countable });
        foreach (var c in reply.ContainersFromPreviousAttempts) proto.ContainersFromPreviousAttempts.Add(Container(c, user));
        foreach (var node in reply.NmTokenNodesFromPreviousAttempts) proto.NmTokensFromPreviousAttempts.Add(NmToken(attemptId, node, user));
        return proto;
    }

    private FinishApplicationMasterResponseProto Finish(string attemptId, FinishApplicationMasterRequestProto r)
    {
        var status = r.FinalApplicationStatus switch
        {
            FinalApplicationStatusProto.AppSucceeded => "SUCCEEDED",
            FinalApplicationStatusProto.AppFailed => "FAILED",
            FinalApplicationStatusProto.AppKilled => "KILLED",
            FinalApplicationStatusProto.AppEnded => "ENDED",
            _ => "UNDEFINED",
        };
        var done = ams.Finish(attemptId, status, r.Diagnostics, r.HasTrackingUrl && r.TrackingUrl.Length > 0 ? r.TrackingUrl : null);
        rm.UnregisterAppConstraints(ApplicationAttemptId.Parse(attemptId).ApplicationId.ToString());
        return new FinishApplicationMasterResponseProto { IsUnregistered = done };
    }

    private string UserOf(string attemptId)
    {
        var appId = ApplicationAttemptId.Parse(attemptId).ApplicationId.ToString();
        return rm.Read(v => v.Apps.FirstOrDefault(a => a.Id == appId)?.User) ?? "";
    }

    private ContainerProto Container(Model.ContainerRecord c, string user) => new()
    {
        Id = ContainerId.Parse(c.Id).ToProto(),
        NodeId = NodeId.Parse(c.Node.NodeId).ToProto(),
        NodeHttpAddress = c.Node.HttpAddress,
        Resource = ProtoMap.Resource(c.Resource),
        Priority = new PriorityProto { Priority = c.Priority },
        ContainerToken = keys.MintContainerToken(c, user, rm.ClusterTimestamp, rm.Now).ToProto(),
        AllocationRequestId = c.AllocationRequestId,
        AllocationTags = { c.AllocationTags },
    };

    private NMTokenProto NmToken(string attemptId, string node, string user) =>
        new() { NodeId = NodeId.Parse(node).ToProto(), Token = keys.MintNmToken(attemptId, node, user).ToProto() };
}
