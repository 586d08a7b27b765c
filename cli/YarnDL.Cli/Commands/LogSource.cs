using YarnDL.Client.Jobs;
using YarnDL.Client.Tracking;
using YarnDL.Tracking;
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

    /// <summary>Why there is nothing to show (the first line of an exit-2 message; the caller adds what was tried).</summary>
    public string NothingFound(AppReport report)
    {
        if (selector is null)
        {
            return $"no log of {applicationId}'s ApplicationMaster could be read (state {report.State})";
        }

        if (_lastStatus is null)
        {
            return $"no log of {selector} of {applicationId} could be read (state {report.State}); while it runs the tasks' containers come "
                + "from its AM, after it ends from YARN's aggregated logs";
        }

        var tasks = (_lastStatus.Clusters ?? []).SelectMany(c => (c.Tasks ?? []).Select(t => $"{c.Id}/{t.Role}:{t.Index}")).ToList();
        return $"no {selector} has a container in {applicationId}; the AM lists {(tasks.Count == 0 ? "no tasks" : string.Join(", ", tasks))}";
    }
}
