using System.CommandLine;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Client.Tracking;
using YarnDL.Tracking;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl wait APP [--json]</c>: exit 0 only when the job SUCCEEDED, 4 otherwise.</summary>
internal static class WaitCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("wait", "Wait until an application ends; exit 0 only if it succeeded") { AppIdArgument.Create() };

    public static Command Create(CommonOptions common, CliServices services)
    {
        var command = Declare().WithOptions(common.Json);
        AppVerb.SetAction(command, common, services, call =>
            WaitAndReportAsync(call.Rm, call.Id, services, call.Parse.GetValue(common.Json), call.Out, call.Parse.InvocationConfiguration.Error, call.Ct));
        return command;
    }

    /// <summary>
    /// Polls the RM to the end printing state changes and, while the AM runs, its live progress from the tracking URL
    /// (not with --json); ends with the best trial and maps the outcome to an exit code.
    /// </summary>
    /// <param name="clusterStays">False for <c>submit --local</c>: its cluster stops with the command, so no status page or
    /// <c>yarndl logs</c> hint is printed.</param>
    public static async Task<int> WaitAndReportAsync(IRmRestClient rm, string id, CliServices services, bool json, TextWriter o, TextWriter err, CancellationToken ct, bool clusterStays = true)
    {
        // Not disposed: the factory's clients share one handler (tests hand in theirs).
        var reader = new AmStatusReader(services.HttpClientFactory());
        var view = new ProgressView(o);
        var ride = services.RideThrough(err);
        string? last = null;
        AmStatus? status = null;
        DateTimeOffset? statusAt = null;
        string? tracking = null;
        AppReport report;
        while (true)
        {
            // An RM restart or failover is ridden out (Hadoop's connect.max-wait); the job itself keeps running meanwhile.
            report = await ride.CallAsync(c => rm.GetApplicationAsync(id, c), seen: last is not null, ct).ConfigureAwait(false);
            var line = $"{report.Id} {report.State} {report.Progress:0}%";
            if (line != last)
            {
                if (!json)
                {
                    await o.WriteLineAsync(line).ConfigureAwait(false);
                }

                last = line;
            }

            if (report.IsTerminal)
            {
                break;
            }

            if (report.State == "RUNNING" && await reader.TryGetAsync(report.TrackingUrl, ct).ConfigureAwait(false) is { } s)
            {
                (status, statusAt, tracking) = (s, services.Time.GetUtcNow(), report.TrackingUrl);
                if (!json)
                {
                    await view.ShowAsync(s).ConfigureAwait(false);
                }
            }

            await Task.Delay(services.PollInterval, services.Time, ct).ConfigureAwait(false);
        }

        var result = FinalResult.TryParse(report.Diagnostics);
        if (json)
        {
            // The AM has ended: the last status document read (trials, tasks, epochs, checkpoints) is a snapshot from when it
            // was read; without one, the final result the AM unregistered with is, from the application's finish time.
            var snapshot = status is not null ? AmSnapshot.Of(statusAt, AmSnapshot.SourceLastStatus)
                : result is not null ? AmSnapshot.FromFinishTime(report.FinishedTime) : null;
            await o.WriteLineAsync(StatusJson.Write(report, status, result, snapshot)).ConfigureAwait(false);
        }
        else
        {
            if (result is not null)
            {
                await view.ShowFinalAsync(result).ConfigureAwait(false);
            }

            if (status is not null || report.Succeeded || result is not null)
            {
                await ProgressView.SummaryAsync(o, status, report.Diagnostics, id, clusterStays ? tracking ?? report.TrackingUrl : null, clusterStays, statusAt).ConfigureAwait(false);
            }
        }

        return await OutcomeAsync(report, err).ConfigureAwait(false);
    }

    private static async Task<int> OutcomeAsync(AppReport report, TextWriter err)
    {
        if (report.Succeeded)
        {
            return ExitCodes.Ok;
        }

        var why = string.IsNullOrWhiteSpace(report.Diagnostics) ? string.Empty : ": " + report.Diagnostics.Split('\n')[0].Trim();
        await err.WriteLineAsync($"error: {report.Id} ended {report.State}/{report.FinalStatus}{why}").ConfigureAwait(false);
        return ExitCodes.JobFailed;
    }
}
