using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

internal sealed partial class RmCore
{
    private readonly Dictionary<string, AttemptAsks> _asks = new(StringComparer.Ordinal);

    private const string InvalidSchedulingRequest = "org.apache.hadoop.yarn.exceptions.SchedulerInvalidResoureRequestException";

    /// <summary>A scheduler key (priority, allocation id) is served by one placement allocator for the attempt's life, as
    /// in the CapacityScheduler: once a key holds a SchedulingRequest, a ResourceRequest on it is refused and vice versa,
    /// and a later SchedulingRequest on it may change nothing but numAllocations (SingleConstraintAppPlacementAllocator);
    /// a new shape needs a new key. Checked before anything of the call is applied.</summary>
    private void CheckSchedulerKeysLocked(AttemptAsks table, IReadOnlyList<ContainerAsk> asks)
    {
        foreach (var ask in asks)
        {
            var key = (ask.Priority, ask.AllocationRequestId);
            var held = table.Placements.TryGetValue(key, out var placement);
            var hasPlain = !held && table.Table.Keys.Any(k => k.Priority == key.Priority && k.AllocId == key.AllocationRequestId);
            if (ask.Placement is null && held)
            {
                throw new RmRequestException(400, InvalidSchedulingRequest,
                    $"A ResourceRequest cannot be handled for scheduler key (priority={key.Priority}, allocationRequestId={key.AllocationRequestId}): a SchedulingRequest already holds it; send the ResourceRequest with another allocationRequestId and priority");
            }

            if (ask.Placement is not null && hasPlain)
            {
                throw new RmRequestException(400, InvalidSchedulingRequest,
                    $"A SchedulingRequest cannot be handled for scheduler key (priority={key.Priority}, allocationRequestId={key.AllocationRequestId}): ResourceRequests already hold it; send it with another allocationRequestId and priority");
            }

            if (ask.Placement is { } next && held && (!placement!.Tags.SequenceEqual(next.Tags, StringComparer.Ordinal) ||
                !Equals(placement.Constraint, next.Constraint) ||
                (table.Table.TryGetValue((key.Priority, key.AllocationRequestId, ContainerAsk.Any), out var any) && any.Capability != ask.Capability.Normalize(Options.MinAllocationMb, Options.MinAllocationVCores))))
            {
                throw new RmRequestException(400, InvalidSchedulingRequest,
                    $"Invalid updated SchedulingRequest added to scheduler for key (priority={key.Priority}, allocationRequestId={key.AllocationRequestId}): only numAllocations may change; to ask for another shape, cancel this one (numAllocations 0) and use another combination of priority and allocationRequestId");
            }
        }
    }

    /// <summary>The allocate heartbeat: update asks, releases and blacklist, run the scheduler, return what is new.</summary>
    public AllocateResult Allocate(string appId, IReadOnlyList<ContainerAsk> asks, IReadOnlyList<string> releases,
        IReadOnlyList<string> blacklistAdd, IReadOnlyList<string> blacklistRemove)
    {
        var toRelease = new List<ContainerRecord>();
        lock (_gate)
        {
            var app = GetAppLocked(appId);
            var attempt = app.CurrentAttempt ?? throw RmRequestException.BadRequest("no attempt");
            var max = MaximumAllocationLocked();
            CheckSchedulerKeysLocked(AsksOf(attempt), asks);
            foreach (var ask in asks)
            {
                var cap = ask.Capability.Normalize(Options.MinAllocationMb, Options.MinAllocationVCores);
                if (ask.NumContainers < 0 || ask.Capability.IsNegative || !cap.FitsIn(max))
                    throw new RmRequestException(400, "org.apache.hadoop.yarn.exceptions.InvalidResourceRequestException",
                        $"Invalid resource request! Cannot allocate containers as requested resource is less than 0 or greater than maximum allowed allocation. Requested resource type=[memory-mb], Requested resource={Describe(ask.Capability)}, maximum allowed allocation={Describe(max)}");
                if (ask.LabelExpression is { } label && !Options.NodeLabels.Values.Contains(label))
                    throw new RmRequestException(400, "org.apache.hadoop.yarn.exceptions.InvalidLabelResourceRequestException",
                        $"Invalid label resource request, cluster do not contain , label= {label}");
                AsksOf(attempt).Table[(ask.Priority, ask.AllocationRequestId, ask.ResourceName)] = (cap, ask.NumContainers);
                // An ANY ask without an expression inherits the application's (SchedulerUtils.normalizeNodeLabelExpressionInRequest).
                // A SchedulingRequest's partition is its constraint's alone (the default partition when none is named there).
                if (ask.ResourceName == ContainerAsk.Any)
                    AsksOf(attempt).Labels[(ask.Priority, ask.AllocationRequestId)] = ask.Placement?.Partition ?? ask.LabelExpression ?? app.AppLabel;
                if (ask.Placement is { } placement)
                    AsksOf(attempt).Placements[(ask.Priority, ask.AllocationRequestId)] = placement;
            }

            if (blacklistAdd.Contains(ContainerAsk.Any))
                throw new RmRequestException(400, "org.apache.hadoop.yarn.exceptions.InvalidResourceBlacklistRequestException", "Cannot add ResourceRequest.ANY to the blacklist!");
            attempt.Blacklist.UnionWith(blacklistAdd);
            attempt.Blacklist.ExceptWith(blacklistRemove);
            toRelease.AddRange(_nodes.SelectMany(n => n.Containers).Where(c => c.AppId == appId && !c.IsAm && releases.Contains(c.Id)));
        }

        foreach (var c in toRelease) KillContainer(c, ExitStatus.Aborted, "Container released by application");
        ScheduleTasks();

        lock (_gate)
        {
            var app = GetAppLocked(appId);
            var a = AsksOf(app.CurrentAttempt!);
            var allocated = a.NewlyAllocated.ToList();
            var completed = a.NewlyCompleted.ToList();
            a.NewlyAllocated.Clear();
            a.NewlyCompleted.Clear();
            var tokens = allocated.Select(c => c.Node.NodeId).Distinct().Where(a.NodesWithNmToken.Add).ToList();
            var notices = PreemptionNotices.Where(c => c.AppId == appId && c.State != "COMPLETE" && a.NoticesSent.Add(c.Id)).ToList();
            var live = _nodes.Where(n => n.State == "RUNNING").ToList();
            return new AllocateResult(allocated, completed, tokens, notices,
                live.Aggregate(Resource.Zero, (acc, n) => acc + n.Available), live.Count);
        }
    }

    /// <summary>The application's live containers on the node carrying <paramref name="tag"/> (AllocationTagsManager's node cardinality).</summary>
    private static long TagCount(NodeRecord node, string appId, string tag) =>
        node.Containers.Count(c => c.AppId == appId && c.State != "COMPLETE" && c.AllocationTags.Contains(tag));

    private AttemptAsks AsksOf(AttemptRecord attempt) =>
        _asks.TryGetValue(attempt.Id, out var a) ? a : _asks[attempt.Id] = new AttemptAsks();

    private Resource MaximumAllocationLocked()
    {
        var live = _nodes.Where(n => n.State == "RUNNING").ToList();
        return live.Count == 0 ? Resource.Zero : new Resource(live.Max(n => n.Total.MemoryMb), live.Max(n => n.Total.VCores), live.Max(n => n.Total.Gpus));
    }

    /// <summary>Dominant-resource fairness: repeatedly give one container to the neediest queue, then its neediest app.</summary>
    public void ScheduleTasks()
    {
        lock (_gate)
        {
            if (_stopping) return;
            var total = _nodes.Where(n => n.State == "RUNNING").Aggregate(Resource.Zero, (a, n) => a + n.Total);
            var blocked = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                var candidate = _apps.Values
                    .Where(a => a.State == AppStates.Running && !blocked.Contains(a.Id) && a.CurrentAttempt is { } t && _asks.TryGetValue(t.Id, out var x) && x.HasOutstanding)
                    .OrderBy(a => QueueShareLocked(a.Queue, total)).ThenBy(a => AppUsageLocked(a.Id).DominantShare(total)).ThenBy(a => a.SubmitTime)
                    .FirstOrDefault();
                if (candidate is null) return;
                if (!PlaceOneLocked(candidate)) blocked.Add(candidate.Id);
            }
        }
    }

    private Resource AppUsageLocked(string appId) =>
        _nodes.SelectMany(n => n.Containers).Where(c => c.AppId == appId).Aggregate(Resource.Zero, (acc, c) => acc + c.Resource);

    private bool PlaceOneLocked(AppRecord app)
    {
        var attempt = app.CurrentAttempt!;
        var table = AsksOf(attempt).Table;
        foreach (var key in table.Keys.Where(k => k.Name == ContainerAsk.Any && table[k].Count > 0).OrderBy(k => k.Priority).ToList())
        {
            var cap = table[key].Capability;
            var localNames = table.Where(kv => kv.Key.Priority == key.Priority && kv.Key.AllocId == key.AllocId
                && kv.Key.Name != ContainerAsk.Any && kv.Value.Count > 0).Select(kv => kv.Key.Name).ToHashSet(StringComparer.Ordinal);
            var label = AsksOf(attempt).Labels.GetValueOrDefault((key.Priority, key.AllocId), app.AppLabel);
            var placement = AsksOf(attempt).Placements.GetValueOrDefault((key.Priority, key.AllocId));
            var node = _nodes.Where(n => n.State == "RUNNING" && n.Label == label && !attempt.Blacklist.Contains(n.Host) && !attempt.Blacklist.Contains(n.NodeId) && cap.FitsIn(n.Available))
                .Where(n => placement is null || Constraints.ConstraintEvaluator.IsSatisfied(placement.Constraint, n, tag => TagCount(n, app.Id, tag)))
                .OrderByDescending(n => localNames.Contains(n.Host) || localNames.Contains(n.NodeId))
                .ThenBy(n => n.Used.DominantShare(n.Total)).FirstOrDefault();
            if (node is null) continue;

            var c = AllocateLocked(app, attempt, node, cap, attempt.NextContainerSequence++, key.Priority, key.AllocId, isAm: false, placement?.Tags ?? []);
            AsksOf(attempt).NewlyAllocated.Add(c);
            table[key] = (cap, table[key].Count - 1);
            foreach (var name in new[] { node.Host, node.NodeId }.Where(localNames.Contains))
            {
                var local = (key.Priority, key.AllocId, name);
                table[local] = (table[local].Capability, Math.Max(0, table[local].Count - 1));
            }

            return true;
        }

        return false;
    }
}
