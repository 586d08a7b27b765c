using YarnDL.Tracking;
using YarnDL.Yarn.Rest;

namespace YarnDL.Client.Jobs;

/// <summary>
/// Finds where the logs of an application's containers are served: the AM containers (one per attempt, from the RM's
/// app attempts) and the task containers (from the AM's status document, which names each task's container and NM).
/// </summary>
public sealed class JobLogs(IRmRestClient rm)
{
    /// <summary>Default AM log files (the submission redirects the AM's output there).</summary>
    public static readonly IReadOnlyList<string> AmFiles = ["am.stderr", "am.stdout"];

    /// <summary>One log file URL per attempt and file.</summary>
    public async Task<IReadOnlyList<LogLocation>> AmLogsAsync(string applicationId, IReadOnlyList<string> files, CancellationToken ct = default)
    {
        var attempts = await rm.GetAppAttemptsAsync(applicationId, ct).ConfigureAwait(false);
        var scheme = rm.ActiveEndpoint.Scheme;
        return attempts
            .Where(a => !string.IsNullOrEmpty(a.ContainerId) && !string.IsNullOrEmpty(a.NodeHttpAddress))
            .SelectMany(a => files.Select(f => new LogLocation($"attempt {a.Id}", a.ContainerId!, f, NmLogUri(scheme, a.NodeHttpAddress!, a.ContainerId!, f), a.LogsLink)))
            .ToList();
    }

    /// <summary>
    /// Log files of the tasks <paramref name="selector"/> picks that have a container; <paramref name="files"/> empty means the task's
    /// own <c>role-index.stdout</c>/<c>.stderr</c> (where the AM redirects a task's output).
    /// </summary>
    public static IReadOnlyList<LogLocation> TaskLogs(AmStatus status, TaskSelector selector, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(selector);
        var list = new List<LogLocation>();
        foreach (var c in (status.Clusters ?? []).Where(c => selector.MatchesCluster(c.Id, (status.Clusters ?? []).Count)))
        {
            foreach (var t in (c.Tasks ?? []).Where(t => selector.MatchesTask(t.Role, t.Index)))
            {
                if (t.ContainerId is not { Length: > 0 } container || !Uri.TryCreate(t.LogUrl, UriKind.Absolute, out var link))
                {
                    continue;
                }

                IReadOnlyList<string> names = files.Count > 0 ? files : [$"{t.Role}-{t.Index}.stdout", $"{t.Role}-{t.Index}.stderr"];
                list.AddRange(names.Select(f => new LogLocation($"{c.Id} {t.Role}:{t.Index}", container, f, NmLogUri(link.Scheme, link.Authority, container, f), t.LogUrl)));
            }
        }

        return list;
    }

    /// <summary>NMWebServices <c>GET /ws/v1/node/containerlogs/{containerid}/{filename}</c> (text/plain; while the NM still has the file).</summary>
    public static Uri NmLogUri(string scheme, string nmHttpAddress, string containerId, string file) =>
        new($"{scheme}://{nmHttpAddress}/ws/v1/node/containerlogs/{Uri.EscapeDataString(containerId)}/{Uri.EscapeDataString(file)}");
}

/// <summary>
/// Where one log file of one container is served; <see cref="Owner"/> is <c>attempt 1</c> or <c>trial-0001 worker:3</c>;
/// <see cref="Source"/> is <c>nodemanager</c> (<see cref="Url"/> serves the file) or <c>aggregated</c> (<see cref="Url"/> is
/// the node's aggregated file that holds it).
/// </summary>
public sealed record LogLocation(string Owner, string ContainerId, string File, Uri Url, string? WebLink, string Source = LogLocation.NodeManager)
{
    public const string NodeManager = "nodemanager";
    public const string Aggregated = "aggregated";
}
