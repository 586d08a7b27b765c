using System.Runtime.ExceptionServices;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.ResourceManager.AmProtocol;

namespace YarnDL.MiniCluster.Ipc;

internal sealed partial class AmRpcService
{
    private AllocateResponseProto Allocate(HadoopCallContext ctx, AllocateRequest r)
    {
        var attemptId = ctx.User;
        if (r.AskRefusal is { } refusal) ExceptionDispatchInfo.Throw(refusal);
        var asks = r.Asks;
        // CapacityScheduler.allocate: updateResourceRequests(ask) || updateSchedulingRequests(srs). Any ANY ResourceRequest
        // makes the first true (LocalityAppPlacementAllocator reports a pending-ask update for it, changed or not), and then
        // this call's SchedulingRequests are neither validated nor added. The handler check runs before the scheduler.
        if (asks.Any(a => a.ResourceName == ContainerAsk.Any))
            SchedulingAsks.CheckHandler(attemptId, r.SchedulingRequests, rm.Options.PlacementConstraintsHandler);
        else
            asks = [.. asks, .. SchedulingAsks.Decode(attemptId, r.SchedulingRequests, rm.Options.PlacementConstraintsHandler,
                tags => rm.AppConstraint(ApplicationAttemptId.Parse(attemptId).ApplicationId.ToString(), tags))];
        var call = new AllocateCall(r.ResponseId, r.Progress, asks, r.Releases, r.BlacklistAdditions, r.BlacklistRemovals);
        var reply = ams.Allocate(attemptId, call);
        var user = UserOf(attemptId);
        var result = reply.Result;
        var proto = new AllocateResponseProto
        {
            ResponseId = reply.ResponseId,
            Limit = ProtoMap.Resource(result.Available),
            NumClusterNodes = result.NumClusterNodes,
        };
        foreach (var c in result.Allocated) proto.AllocatedContainers.Add(Container(c, user));
        foreach (var c in result.Completed) proto.CompletedContainerStatuses.Add(ProtoMap.Status(c));
        foreach (var node in result.NewNmTokenNodes) proto.NmTokens.Add(NmToken(attemptId, node, user));
        // ApplicationMasterService.allocate: while a rolled key waits for activation, an AM still on another key gets a
        // token of the rolled key in am_rm_token; once the rolled key is active nothing more is handed out.
        if (ctx.TokenIdentifier is { } used && rm.AmRmTokens.NextKeyId is { } next && YarnTokenSecrets.ParseAmRmIdentifier(used).KeyId != next)
        {
            var attempt = ApplicationAttemptId.Parse(attemptId);
            var token = rm.AmRmTokens.Issue(attempt.ApplicationId.ClusterTimestamp, attempt.ApplicationId.Id, attempt.AttemptId);
            proto.AmRmToken = new Hadoop.Protos.Common.TokenProto
            {
                Identifier = Google.Protobuf.ByteString.CopyFrom(token.Identifier),
                Password = Google.Protobuf.ByteString.CopyFrom(token.Password),
                Kind = token.Kind,
                Service = token.Service,
            };
            rm.OnAmRmTokenHandedOut(attemptId, next);
        }

        proto.UpdatedNodes.AddRange(_nodeUpdates.Changed(attemptId));
        if (result.PreemptionNotices.Count > 0)
        {
            var strict = new StrictPreemptionContractProto();
            foreach (var c in result.PreemptionNotices) strict.Container.Add(new PreemptionContainerProto { Id = ContainerId.Parse(c.Id).ToProto() });
            proto.Preempt = new PreemptionMessageProto { StrictContract = strict };
        }

        return proto;
    }
}
