using System.CommandLine;
using YarnDL.Cli.Hosting;
using YarnDL.Client.Jobs;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl logs APP [--task worker:3] [--trial N] [--follow]</c>.</summary>
internal static class LogsCommand
{
    public static Command Create(CommonOptions common, CliServices services)
    {
        var app = AppIdArgument.Create();
        var task = new Option<string?>("--task") { Description = "Task as role:index (e.g. worker:3); default: the ApplicationMaster" };
        task.Validators.Add(v =>
        {
            var t = v.GetValueOrDefault<string?>();
            if (t is not null && (t.Split(':') is not [{ Length: > 0 }, var i] || !int.TryParse(i, out var n) || n < 0))
            {
                v.AddError($"--task must be role:index (e.g. worker:3), got '{t}'");
            }
        });
        var trial = new Option<int?>("--trial") { Description = "Trial index of a sweep" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing until the application ends" };
        var file = new Option<string[]>("--file") { Description = "Log files to show (default: am.stderr, am.stdout)" };
        var command = new Command("logs", "Show logs of the ApplicationMaster or a task") { app, task, trial, follow, file };
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var id = AppIdArgument.Get(r, app);
            if (r.GetValue(task) is not null || r.GetValue(trial) is not null)
            {
                throw new FormatException("--task/--trial need the AM's task listing, which this build does not read yet; use 'yarndl status' for log links");
            }

            var rm = services.RmClientFactory(common.RmOptions(r, services));
            var files = r.GetValue(file) is { Length: > 0 } f ? f : ["am.stderr", "am.stdout"];
            using var http = services.HttpClientFactory();
            var printed = new Dictionary<Uri, int>();
            while (true)
            {
                foreach (var log in await new JobLogs(rm).AmLogsAsync(id, files, ct).ConfigureAwait(false))
                {
                    await PrintNewAsync(http, log, printed, o, ct).ConfigureAwait(false);
                }

                if (!r.GetValue(follow) || (await rm.GetApplicationAsync(id, ct).ConfigureAwait(false)).IsTerminal)
                {
                    return ExitCodes.Ok;
                }

                await Task.Delay(services.PollInterval, services.Time, ct).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static async Task PrintNewAsync(HttpClient http, LogLocation log, Dictionary<Uri, int> printed, TextWriter o, CancellationToken ct)
    {
        using var response = await http.GetAsync(log.Url, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var seen = printed.GetValueOrDefault(log.Url);
        if (seen == 0 && text.Length > 0)
        {
            await o.WriteLineAsync($"==> attempt {log.Attempt} {log.ContainerId} {log.File} <==").ConfigureAwait(false);
        }

        if (text.Length > seen)
        {
            await o.WriteAsync(text[seen..]).ConfigureAwait(false);
            printed[log.Url] = text.Length;
        }
    }
}
