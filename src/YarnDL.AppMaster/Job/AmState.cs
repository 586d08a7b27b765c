using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Trials;

namespace YarnDL.AppMaster.Job;

/// <summary>The shared state of one AM attempt: the plan, the cluster sessions and the scheduler; read by the web server.</summary>
internal sealed class AmState
{
    public AmState(JobPlan plan, string user)
    {
        Plan = plan;
        User = user;
        Sessions = [.. plan.Trials.Select((c, i) => new ClusterSession(c, PriorityStride * (i + 1), SavedVersion))];
        Scheduler = new TrialScheduler(Sessions, plan.Sweep);
        ById = Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var session in Sessions)
        {
            for (var role = 0; role < session.Plan.Roles.Count; role++)
            {
                var id = AmDriver.KeyFor(session, role).AllocationRequestId;
                if (!_askers.TryGetValue(id, out var askers))
                {
                    _askers[id] = askers = [];
                }

                askers.Add((session, role));
            }
        }
    }

    private readonly Dictionary<long, List<(ClusterSession Session, int RoleIndex)>> _askers = [];

    /// <summary>Bumped by every change to what <see cref="State.AmStateStore"/> saves of the sessions.</summary>
    public SavedStateVersion SavedVersion { get; } = new();

    /// <summary>The clusters (and role indexes) whose asks carry <paramref name="allocationRequestId"/>, in plan order: a
    /// granted container finds its task without a scan over every cluster.</summary>
    public IReadOnlyList<(ClusterSession Session, int RoleIndex)> AskersOf(long allocationRequestId) =>
        _askers.TryGetValue(allocationRequestId, out var askers) ? askers : [];

    /// <summary>Priorities per cluster are spaced by this many so each role of a cluster gets its own key.</summary>
    public const int PriorityStride = 16;

    public JobPlan Plan { get; }

    public string User { get; }

    /// <summary>The YARN application this AM runs (shown on the tracking page); null in tests that do not care.</summary>
    public string? ApplicationId { get; init; }

    public IReadOnlyList<ClusterSession> Sessions { get; }

    public IReadOnlyDictionary<string, ClusterSession> ById { get; }

    public TrialScheduler Scheduler { get; }

    /// <summary>This AM's attempt number (1 for the first AM; a later one took over from an AM that ended).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Set when the job is over; the tracking page keeps showing it.</summary>
    public JobVerdict? Final { get; set; }

    /// <summary>A line such as "waiting for 3 GPUs" while allocation is incomplete.</summary>
    public string? Waiting { get; set; }
}
