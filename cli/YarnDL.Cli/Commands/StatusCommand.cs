using System.CommandLine;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Client.Tracking;
using YarnDL.Tracking;

namespace YarnDL.Cli.Commands;

/// <summary>
/// <c>yarndl status APP [--json]</c>: the RM's report and, while the AM runs, its trials (epoch X of N, ETA) and tasks (role,
/// index, host, state, exit reason, metrics, newest checkpoint, log link); once the AM has ended, the final result it left,
/// marked as a snapshot and from when. <c>--json</c> prints the RM report with the AM's document under <c>job</c>, its final
/// result under <c>result</c> and, once the AM has ended, <c>snapshot</c>.
/// </summary>
internal static class StatusCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("status", "Show the state of an application, its trials and tasks") { AppIdArgument.Create() };

    public static Command Create(CommonOptions common, CliServices services)
    {
        var command = Declare().WithOptions(common.Json);
        AppVerb.SetAction(command, common, services, async call =>
        {
            var (r, o, id, rm, ct) = (call.Parse, call.Out, call.Id, call.Rm, call.Ct);
            var report = await services.RideThrough(r.InvocationConfiguration.Error)
                .CallAsync(c => rm.GetApplicationAsync(id, c), seen: false, ct).ConfigureAwait(false);
            var job = report.State == "RUNNING"
                ? await new AmStatusReader(services.HttpClientFactory()).TryGetAsync(report.TrackingUrl, ct).ConfigureAwait(false)
                : null;
            // Once the AM is gone, what is left of the job is the final result it unregistered with (the RM keeps it).
            var result = FinalResult.TryParse(report.Diagnostics);
            var snapshot = job is null && report.IsTerminal && result is not null ? AmSnapshot.FromFinishTime(report.FinishedTime) : null;
            if (r.GetValue(common.Json))
            {
                await o.WriteLineAsync(StatusJson.Write(report, job, result, snapshot)).ConfigureAwait(false);
            }
            else
            {
                await StatusText.WriteAsync(o, report, job, result, snapshot).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
