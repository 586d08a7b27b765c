using YarnDL.Client.Jobs;
using YarnDL.Client.Tracking;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Commands;

/// <summary>
/// The log files <c>yarndl logs</c> shows, refreshed on every poll: the AM attempts' files, or the selected tasks' files from the
/// AM's status document. Task locations seen once are kept, so the last lines are still read after the AM is gone.
/// </summary>
internal sealed class LogSource(IRmRestClient rm, AmStatusReader reader, string applicationId, TaskSelector? selector, IReadOnlyList<string> files)
{
    private readonly Dictionary<Uri, LogLocation> _known = [];
    private AmStatus? _lastStatus;

    public async Task<IReadOnlyList<LogLocation>> RefreshAsync(AppReport report, CancellationToken ct)
    {
        if (selector is null)
        {
            return await new JobLogs(rm).AmLogsAsync(applicationId, files.Count > 0 ? files : JobLogs.AmFiles, ct).ConfigureAwait(false);
        }

        if (report.State == "RUNNING" && await reader.TryGetAsync(report.TrackingUrl, ct).ConfigureAwait(false) is { } status)
        {
            _lastStatus = status;
            foreach (var log in JobLogs.TaskLogs(status, selector, files))
            {
                _known.TryAdd(log.Url, log);
            }
        }

        return [.. _known.Values];
    }

    /// <summary>Why there is nothing to show (an actionable line for exit code 2).</summary>
    public string NothingFound(AppReport report)
    {
        if (selector is null)
        {
            return $"{applicationId} has no AM container yet (state {report.State})";
        }

        if (_lastStatus is null)
        {
            return $"task logs of {applicationId} are found through its AM, which is not reachable (state {report.State}); "
                + $"after the end they are in YARN's aggregated logs: yarn logs -applicationId {applicationId}";
        }

        var tasks = (_lastStatus.Clusters ?? []).SelectMany(c => (c.Tasks ?? []).Select(t => $"{c.Id}/{t.Role}:{t.Index}")).ToList();
        return $"no {selector} has a container in {applicationId}; the AM lists {(tasks.Count == 0 ? "no tasks" : string.Join(", ", tasks))}";
    }
}
