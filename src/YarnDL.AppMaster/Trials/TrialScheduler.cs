using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;

namespace YarnDL.AppMaster.Trials;

/// <summary>Decides which clusters run (at most <c>parallel</c>), when the job is over, and which trial is best.</summary>
internal sealed class TrialScheduler(IReadOnlyList<ClusterSession> clusters, SweepPlan sweep)
{
    public IReadOnlyList<ClusterSession> Clusters { get; } = clusters;

    public int Active => Clusters.Count(c => c.State is ClusterState.Allocating or ClusterState.Running);

    public int FailedCount => Clusters.Count(c => c.State == ClusterState.Failed);

    /// <summary>Queued clusters to start now, in plan order, filling free parallel slots; none once the job failed.</summary>
    public IReadOnlyList<ClusterSession> ToStart()
    {
        if (Verdict().Finished)
        {
            return [];
        }

        var free = sweep.Parallel - Active;
        return free <= 0 ? [] : [.. Clusters.Where(c => c.State == ClusterState.Queued).Take(free)];
    }

    /// <summary>Running trials the median rule wants stopped.</summary>
    public IReadOnlyList<ClusterSession> ToStopEarly() =>
        [.. Clusters.Where(c => c.State == ClusterState.Running && MedianStoppingRule.ShouldStop(c, Clusters, sweep))];

    public JobVerdict Verdict()
    {
        var failed = Clusters.Where(c => c.State == ClusterState.Failed).ToList();
        if (failed.Count > sweep.MaxFailedTrials)
        {
            return new JobVerdict(true, false, Describe(failed));
        }

        if (Clusters.Any(c => !c.IsFinished))
        {
            return JobVerdict.Running;
        }

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
        sweep.ObjectiveMetric
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
        ranked = sweep.Goal == ObjectiveGoal.Maximize ? ranked.OrderByDescending(r => r.Value) : ranked.OrderBy(r => r.Value);
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
