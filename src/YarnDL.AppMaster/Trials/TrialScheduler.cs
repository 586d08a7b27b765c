using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;

namespace YarnDL.AppMaster.Trials;

/// <summary>Decides which clusters run (at most <c>parallel</c>), when the job is over, and which trial is best.
/// Counts per state (<see cref="ClusterStateCounts"/>) follow each cluster's state changes, so a heartbeat's questions cost
/// what changed, not the number of clusters.</summary>
internal sealed class TrialScheduler
{
    private readonly SweepPlan _sweep;
    private readonly ClusterStateCounts _counts;

    public TrialScheduler(IReadOnlyList<ClusterSession> clusters, SweepPlan sweep)
    {
        Clusters = clusters;
        _sweep = sweep;
        _counts = new ClusterStateCounts(clusters);
    }

    public IReadOnlyList<ClusterSession> Clusters { get; }

    public int Active => _counts.Count(ClusterState.Allocating) + _counts.Count(ClusterState.Running);

    public int FailedCount => _counts.Count(ClusterState.Failed);

    /// <summary>Clusters that ended (succeeded, failed or stopped early).</summary>
    public int FinishedCount => _counts.Count(ClusterState.Succeeded) + _counts.Count(ClusterState.Failed) + _counts.Count(ClusterState.EarlyStopped);

    /// <summary>How many clusters are in <paramref name="state"/> now.</summary>
    public int CountOf(ClusterState state) => _counts.Count(state);

    /// <summary>The clusters allocating now, in plan order.</summary>
    public IReadOnlyList<ClusterSession> Allocating => _counts.Allocating();

    /// <summary>Queued clusters to start now, in plan order, filling free parallel slots; none once the job failed.</summary>
    public IReadOnlyList<ClusterSession> ToStart()
    {
        if (Verdict().Finished)
        {
            return [];
        }

        var free = _sweep.Parallel - Active;
        return free <= 0 ? [] : _counts.FirstQueued(free);
    }

    /// <summary>Running trials the median rule wants stopped (none to look at without early stopping).</summary>
    public IReadOnlyList<ClusterSession> ToStopEarly() =>
        !_sweep.EarlyStopping ? [] : [.. Clusters.Where(c => c.State == ClusterState.Running && MedianStoppingRule.ShouldStop(c, Clusters, _sweep))];

    public JobVerdict Verdict()
    {
        if (FailedCount > _sweep.MaxFailedTrials)
        {
            return new JobVerdict(true, false, Describe(Clusters.Where(c => c.State == ClusterState.Failed)));
        }

        if (FinishedCount < Clusters.Count)
        {
            return JobVerdict.Running;
        }

        var failed = Clusters.Where(c => c.State == ClusterState.Failed).ToList();

        var best = Best();
        if (!Clusters.Any(c => c.State == ClusterState.Succeeded))
        {
            return new JobVerdict(true, false, failed.Count > 0 ? Describe(failed) : "no trial succeeded");
        }

        var summary = best is null ? "all clusters succeeded" : $"best trial {best.Id} {Objective(best)} {TrialResultLine.Params(best)}".TrimEnd();
        return new JobVerdict(true, true, failed.Count > 0 ? $"{summary}; {Describe(failed)}" : summary);
    }

    /// <summary>The metric that ranks trials: the sweep's objective, else the accuracy the trainers report (so a job without a
    /// sweep still names its result), else none.</summary>
    public string? ObjectiveMetric =>
        _sweep.ObjectiveMetric
        ?? (Clusters.Any(c => c.LatestMetric("val_accuracy").HasValue) ? "val_accuracy"
            : Clusters.Any(c => c.LatestMetric("accuracy").HasValue) ? "accuracy" : null);

    /// <summary>The succeeded trial with the best objective, or null when there is no objective.</summary>
    public ClusterSession? Best()
    {
        if (ObjectiveMetric is not { } metric)
        {
            return null;
        }

        var ranked = Clusters
            .Where(c => c.State == ClusterState.Succeeded && c.LatestMetric(metric).HasValue)
            .Select(c => (Cluster: c, Value: c.LatestMetric(metric)!.Value));
        ranked = _sweep.Goal == ObjectiveGoal.Maximize ? ranked.OrderByDescending(r => r.Value) : ranked.OrderBy(r => r.Value);
        return ranked.Select(r => r.Cluster).FirstOrDefault();
    }

    private string Objective(ClusterSession c) =>
        ObjectiveMetric is { } m && c.LatestMetric(m) is { } v ? $"{m}={TrialResultLine.Number(v)}" : string.Empty;

    /// <summary>The final diagnostics: the one-line summary, then one line per trial (its state, last epoch and final metrics).</summary>
    public string WithTrials(string summary) =>
        string.Join('\n', [summary, .. Clusters.Select(TrialResultLine.Format)]);

    private static string Describe(IEnumerable<ClusterSession> failed) =>
        string.Join("; ", failed.Select(c => $"cluster {c.Id} failed: {c.FailureReason ?? "unknown reason"}"));
}
