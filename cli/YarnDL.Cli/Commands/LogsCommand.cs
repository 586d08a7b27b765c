using System.CommandLine;
using System.Text;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Client.AggregatedLogs;
using YarnDL.Client.Jobs;
using YarnDL.Client.Tracking;

namespace YarnDL.Cli.Commands;

/// <summary>
/// <c>yarndl logs APP [--task worker:3] [--trial N] [--follow] [--json]</c>: the AM's logs, or with --task/--trial the tasks'.
/// While a container exists its NodeManager serves the file (the tasks' containers and NMs come from the AM's status
/// document); once the application has ended and no NodeManager has the file, they come from YARN's aggregated logs.
/// Nothing found anywhere is exit 2 with the list of what was tried.
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
        var logDir = new Option<string?>("--log-dir")
        {
            Description = "Where NodeManagers aggregate logs (yarn.nodemanager.remote-app-log-dir, e.g. hdfs:///tmp/logs or file:///var/log/yarn/apps; default: yarn-site.xml, else /tmp/logs)",
        };
        var webHdfs = new Option<string?>("--webhdfs") { Description = "NameNode web URL to read aggregated logs in HDFS (default: $YARNDL_WEBHDFS, else hdfs-site.xml/core-site.xml)" };
        var command = Declare().WithOptions(task, trial, follow, file, logDir, webHdfs, common.Json);
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
            var aggregated = new AggregatedLogLookup(services, r.GetValue(logDir), r.GetValue(webHdfs), common.UserOf(r, services));
            var json = r.GetValue(common.Json);
            var printed = new Dictionary<Uri, int>();
            while (true)
            {
                var report = await rm.GetApplicationAsync(id, ct).ConfigureAwait(false);
                var tried = new List<string>();
                var served = await NodeManagerLogs.FetchAsync(http, await source.RefreshAsync(report, ct).ConfigureAwait(false), tried, ct).ConfigureAwait(false);
                if (served.Count == 0 && report.IsTerminal && printed.Count == 0)
                {
                    var search = await aggregated.SearchAsync(id, report.User ?? common.UserOf(r, services), ct).ConfigureAwait(false);
                    tried.AddRange(search.Tried.Select(t => "aggregated logs: " + t));
                    var views = AggregatedTaskLogs.Select(search, selector, files);
                    if (views.Count > 0)
                    {
                        await (json
                            ? o.WriteLineAsync(JsonSerializer.Serialize(AggregatedLogLookup.Locations(views), CliJsonContext.Default.ListLogLocation))
                            : PrintAggregatedAsync(views, o, r.InvocationConfiguration.Error)).ConfigureAwait(false);
                        return ExitCodes.Ok;
                    }
                }

                if (served.Count == 0 && (!r.GetValue(follow) || report.IsTerminal || json))
                {
                    if (printed.Count > 0)
                    {
                        return ExitCodes.Ok;
                    }

                    throw new FormatException(source.NothingFound(report) + Tried(tried));
                }

                if (json)
                {
                    await o.WriteLineAsync(JsonSerializer.Serialize(served.Select(s => s.Log).ToList(), CliJsonContext.Default.ListLogLocation)).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                foreach (var (log, text) in served)
                {
                    await PrintNewAsync(log, text, printed, o).ConfigureAwait(false);
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

    private static string Tried(List<string> tried) =>
        (tried.Count == 0 ? string.Empty : Environment.NewLine + "tried:" + string.Concat(tried.Select(t => Environment.NewLine + "  " + t)))
        + Environment.NewLine + "what to do: while the application runs, its NodeManagers serve the logs; after it ends they are in the aggregated "
        + "logs once its NodeManagers have uploaded them (yarn.log-aggregation-enable=true; the RM's logAggregationStatus says when): "
        + "retry in a minute, or pass --log-dir (yarn.nodemanager.remote-app-log-dir) and --webhdfs if they are elsewhere";

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

    private static async Task PrintNewAsync(LogLocation log, string text, Dictionary<Uri, int> printed, TextWriter o)
    {
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

    private static async Task PrintAggregatedAsync(IReadOnlyList<AggregatedLogView> views, TextWriter o, TextWriter err)
    {
        foreach (var v in views.Where(v => v.Contents.Length > 0))
        {
            await o.WriteLineAsync($"==> {v.Owner} {v.ContainerId} {v.File} <==").ConfigureAwait(false);
            await o.WriteAsync(Encoding.UTF8.GetString(v.Contents)).ConfigureAwait(false);
        }

        if (views.All(v => v.Contents.Length == 0))
        {
            await err.WriteLineAsync($"note: the {views.Count} log file(s) found in {views[0].Url} are empty").ConfigureAwait(false);
        }
    }
}
