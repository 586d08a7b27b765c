using YarnDL.AppMaster.Clusters;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;

namespace YarnDL.AppMaster.Trials;

/// <summary>Median rule: stop a trial whose objective at step s is worse than the median of the other trials' values at or before s.</summary>
internal static class MedianStoppingRule
{
    public static bool ShouldStop(ClusterSession trial, IEnumerable<ClusterSession> others, SweepPlan sweep)
    {
        if (!sweep.EarlyStopping || sweep.ObjectiveMetric is not { } metric)
        {
            return false;
        }

        var mine = trial.History.LastOrDefault(p => p.Values.ContainsKey(metric));
        if (mine is null || mine.Step < sweep.EarlyStoppingGraceSteps)
        {
            return false;
        }

        var peers = others
            .Where(o => !ReferenceEquals(o, trial))
            .Select(o => ValueAtOrBefore(o, metric, mine.Step))
            .OfType<double>()
            .Order()
            .ToList();
        if (peers.Count < sweep.EarlyStoppingMinTrials)
        {
            return false;
        }

        var median = peers.Count % 2 == 1 ? peers[peers.Count / 2] : (peers[(peers.Count / 2) - 1] + peers[peers.Count / 2]) / 2;
        var value = mine.Values[metric];
        return sweep.Goal == ObjectiveGoal.Maximize ? value < median : value > median;
    }

    private static double? ValueAtOrBefore(ClusterSession s, string metric, long step)
    {
        var p = s.History.LastOrDefault(p => p.Step <= step && p.Values.ContainsKey(metric));
        return p?.Values[metric];
    }
}
