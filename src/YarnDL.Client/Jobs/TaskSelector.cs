using System.Globalization;

namespace YarnDL.Client.Jobs;

/// <summary>Which tasks <c>yarndl logs</c> shows: a role:index and/or a trial (null = any).</summary>
public sealed record TaskSelector(string? Role, int? Index, int? Trial)
{
    /// <summary>Parses <c>role:index</c> (e.g. <c>worker:3</c>); null or empty selects every task.</summary>
    public static TaskSelector Parse(string? task, int? trial)
    {
        if (trial is < 0)
        {
            throw new FormatException($"--trial must be 0 or more, got {trial}");
        }

        if (string.IsNullOrEmpty(task))
        {
            return new TaskSelector(null, null, trial);
        }

        if (task.Split(':') is not [{ Length: > 0 } role, var i] || !int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new FormatException($"--task must be role:index (e.g. worker:3), got '{task}'");
        }

        return new TaskSelector(role, index, trial);
    }

    /// <summary>The AM's cluster id of trial <paramref name="trial"/> (<c>trial-0003</c>); a job without a sweep has one cluster, <c>main</c>.</summary>
    public static string TrialClusterId(int trial) => string.Create(CultureInfo.InvariantCulture, $"trial-{trial:D4}");

    public bool MatchesCluster(string clusterId, int clusterCount) =>
        Trial is not { } t || clusterId == TrialClusterId(t) || (clusterCount == 1 && t == 0);

    public bool MatchesTask(string role, int index) => (Role is null || Role == role) && (Index is null || Index == index);

    public override string ToString() =>
        (Role is null ? "every task" : $"task {Role}:{Index}") + (Trial is { } t ? $" of trial {t}" : string.Empty);
}
