using System.CommandLine;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Client.Jobs;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl wait APP [--json]</c>: exit 0 only when the job SUCCEEDED, 4 otherwise.</summary>
internal static class WaitCommand
{
    public static Command Create(CommonOptions common, CliServices services)
    {
        var app = AppIdArgument.Create();
        var command = new Command("wait", "Wait until an application ends; exit 0 only if it succeeded") { app, common.Json };
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var id = AppIdArgument.Get(r, app);
            var rm = services.RmClientFactory(common.RmOptions(r, services));
            return await WaitAndReportAsync(rm, id, services, r.GetValue(common.Json), o, r.InvocationConfiguration.Error, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Polls to the end printing state changes (not with --json); maps the outcome to an exit code.</summary>
    public static async Task<int> WaitAndReportAsync(IRmRestClient rm, string id, CliServices services, bool json, TextWriter o, TextWriter err, CancellationToken ct)
    {
        string? last = null;
        var report = await new JobWaiter(rm, services.Time).WaitAsync(id, services.PollInterval, a =>
        {
            var line = $"{a.Id} {a.State} {a.Progress:0}%";
            if (!json && line != last)
            {
                o.WriteLine(line);
                last = line;
            }
        }, ct).ConfigureAwait(false);
        if (json)
        {
            await o.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Default.AppReport)).ConfigureAwait(false);
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
