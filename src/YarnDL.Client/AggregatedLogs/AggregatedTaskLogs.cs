using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YarnDL.Client.Jobs;

namespace YarnDL.Client.AggregatedLogs;

/// <summary>
/// Picks the log files <c>yarndl logs</c> shows out of aggregated node files. A task's containers are those the AM's
/// own log names (<c>Launched trial-0001/worker:0 in container_… on …</c>, which also gives the trial), else those that
/// uploaded the task's <c>role-index.stdout</c>/<c>.stderr</c>; the AM's are those that uploaded <c>am.stdout</c>/<c>am.stderr</c>.
/// </summary>
public static partial class AggregatedTaskLogs
{
    [GeneratedRegex(@"Launched (?<cluster>\S+)/(?<role>[^:\s]+):(?<index>\d+) in (?<container>container_\S+) on ")]
    private static partial Regex LaunchedLine();

    [GeneratedRegex(@"^(?<role>.+)-(?<index>\d+)\.(stdout|stderr)$")]
    private static partial Regex TaskFile();

    /// <summary>The logs of the AM (<paramref name="selector"/> null) or of the selected tasks, in file order.</summary>
    public static IReadOnlyList<AggregatedLogView> Select(AggregatedLogSearch search, TaskSelector? selector, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(files);
        var containers = search.Nodes.SelectMany(n => n.File.Containers.Select(c => (Node: n, Container: c))).ToList();
        var launched = Launched(containers.Select(c => c.Container));
        var clusterCount = launched.Values.Select(v => v.Cluster).Distinct(StringComparer.Ordinal).Count();
        var views = new List<AggregatedLogView>();
        foreach (var (node, container) in containers)
        {
            if (selector is null)
            {
                IReadOnlyList<string> amFiles = files.Count > 0 ? files : JobLogs.AmFiles;
                if (container.Logs.Any(l => JobLogs.AmFiles.Contains(l.LogType)))
                {
                    views.AddRange(Views(node, container, $"attempt {Attempt(container.ContainerId)}", amFiles));
                }

                continue;
            }

            var task = launched.TryGetValue(container.ContainerId, out var l) ? l : FromFileNames(container);
            if (task is null || !selector.MatchesTask(task.Role, task.Index)
                || (selector.Trial is not null && (task.Cluster is null || !selector.MatchesCluster(task.Cluster, clusterCount))))
            {
                continue;
            }

            var owner = (task.Cluster is null ? string.Empty : task.Cluster + " ") + $"{task.Role}:{task.Index}";
            views.AddRange(Views(node, container, owner, files.Count > 0 ? files : [$"{task.Role}-{task.Index}.stdout", $"{task.Role}-{task.Index}.stderr"]));
        }

        return views;
    }

    private static IEnumerable<AggregatedLogView> Views(AggregatedNodeLog node, AggregatedContainerLogs container, string owner, IReadOnlyList<string> files) =>
        container.Logs.Where(l => files.Contains(l.LogType))
            .Select(l => new AggregatedLogView(owner, container.ContainerId, l.LogType, node.Url, l.Contents));

    private static Dictionary<string, LaunchedTask> Launched(IEnumerable<AggregatedContainerLogs> containers)
    {
        var map = new Dictionary<string, LaunchedTask>(StringComparer.Ordinal);
        foreach (var log in containers.SelectMany(c => c.Logs).Where(l => JobLogs.AmFiles.Contains(l.LogType)))
        {
            foreach (Match m in LaunchedLine().Matches(Encoding.UTF8.GetString(log.Contents)))
            {
                map[m.Groups["container"].Value] = new LaunchedTask(m.Groups["cluster"].Value, m.Groups["role"].Value,
                    int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture));
            }
        }

        return map;
    }

    private static LaunchedTask? FromFileNames(AggregatedContainerLogs container) =>
        container.Logs.Select(l => TaskFile().Match(l.LogType)).FirstOrDefault(m => m.Success && m.Groups["role"].Value != "am") is { } m
        && int.TryParse(m.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new LaunchedTask(null, m.Groups["role"].Value, index)
            : null;

    /// <summary>The attempt number of <c>container_[e{epoch}_]{timestamp}_{app}_{attempt}_{id}</c>.</summary>
    private static int Attempt(string containerId) =>
        containerId.Split('_') is { Length: >= 5 } parts && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private sealed record LaunchedTask(string? Cluster, string Role, int Index);
}

/// <summary>One log file read from an aggregated node file; <see cref="Url"/> is that node file's WebHDFS or file URL.</summary>
public sealed record AggregatedLogView(string Owner, string ContainerId, string File, Uri Url, byte[] Contents);
