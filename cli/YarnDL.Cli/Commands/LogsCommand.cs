using System.CommandLine;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Client.Jobs;
using YarnDL.Client.Tracking;
using YarnDL.Yarn.Rest;

namespace YarnDL.Cli.Commands;

/// <summary>
/// <c>yarndl logs APP [--task worker:3] [--trial N] [--follow] [--json]</c>: the AM's logs, or with --task/--trial the tasks'
/// (their containers and NodeManagers come from the AM's status document, so while the application runs).
/// </summary>
internal static class LogsCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("logs", "Show logs of the ApplicationMaster or of tasks") { AppIdArgument.Create() };

    public static Command Create(CommonOptions common, CliServices services)
    {
        var task = new Option<string?>("--task") { Description = "Task as role:index (e.g. worker:3); default: the ApplicationMaster" };
        task.Validators.Add(v => Check(v, () => TaskSelector.Parse(v.GetValueOrDefault<string?>(), null)));
        var trial = new Option<int?>("--trial") { Description = "Trial index of a sweep (0-based); with no --task, every task of it" };
        trial.Validators.Add(v => Check(v, () => TaskSelector.Parse(null, v.GetValueOrDefault<int?>())));
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing until the application ends" };
        var file = new Option<string[]>("--file") { Description = "Log files to show (default: am.stderr, am.stdout; a task's role-index.stdout/.stderr)" };
        var command = Declare().WithOptions(task, trial, follow, file, common.Json);
        var app = (Argument<string>)command.Arguments[0];
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var id = AppIdArgument.Get(r, app);
            var rm = services.RmClientFactory(common.RmOptions(r, services));
            var files = r.GetValue(file) ?? [];
            var selector = r.GetValue(task) is null && r.GetValue(trial) is null ? null : TaskSelector.Parse(r.GetValue(task), r.GetValue(trial));
            var http = services.HttpClientFactory(); // not disposed: the factory's clients share one handler
            var source = new LogSource(rm, new AmStatusReader(http), id, selector, files);
            var printed = new Dictionary<Uri, int>();
            while (true)
            {
                var report = await rm.GetApplicationAsync(id, ct).ConfigureAwait(false);
                var logs = await source.RefreshAsync(report, ct).ConfigureAwait(false);
                if (r.GetValue(common.Json))
                {
                    await o.WriteLineAsync(JsonSerializer.Serialize(logs.ToList(), CliJsonContext.Default.ListLogLocation)).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                if (logs.Count == 0 && (!r.GetValue(follow) || report.IsTerminal))
                {
                    throw new FormatException(source.NothingFound(report));
                }

                foreach (var log in logs)
                {
                    await PrintNewAsync(http, log, printed, o, ct).ConfigureAwait(false);
                }

                if (!r.GetValue(follow) || report.IsTerminal)
                {
                    return ExitCodes.Ok;
                }

                await Task.Delay(services.PollInterval, services.Time, ct).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static void Check(System.CommandLine.Parsing.OptionResult v, Action parse)
    {
        try
        {
            parse();
        }
        catch (FormatException e)
        {
            v.AddError(e.Message);
        }
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
            await o.WriteLineAsync($"==> {log.Owner} {log.ContainerId} {log.File} <==").ConfigureAwait(false);
        }

        if (text.Length > seen)
        {
            await o.WriteAsync(text[seen..]).ConfigureAwait(false);
            printed[log.Url] = text.Length;
        }
    }
}
