using System.CommandLine;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Spec;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl list [--state S,…] [--queue Q] [--owner U] [--tag T] [--limit N] [--all-types] [--json]</c>.</summary>
internal static class ListCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("list", "List applications");

    public static Command Create(CommonOptions common, CliServices services)
    {
        var states = new Option<string[]>("--state") { Description = "Filter by YARN state (RUNNING, ACCEPTED, FINISHED, FAILED, KILLED, …)", AllowMultipleArgumentsPerToken = true };
        states.CompletionSources.Add(_ => ["NEW", "NEW_SAVING", "SUBMITTED", "ACCEPTED", "RUNNING", "FINISHED", "FAILED", "KILLED"]);
        var queue = new Option<string?>("--queue") { Description = "Filter by queue" };
        var owner = new Option<string?>("--owner") { Description = "Filter by owner" };
        var tags = new Option<string[]>("--tag") { Description = "Filter by tag (any of)" };
        var limit = new Option<long?>("--limit") { Description = "At most this many applications" };
        limit.Validators.Add(v => { if (v.GetValueOrDefault<long?>() is <= 0) { v.AddError("--limit must be greater than 0"); } });
        var allTypes = new Option<bool>("--all-types") { Description = "Include non-YarnDL applications" };
        var command = Declare().WithOptions(states, queue, owner, tags, limit, allTypes, common.Json);
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var query = new AppsQuery
            {
                States = (r.GetValue(states) ?? []).SelectMany(s => s.Split(',')).Select(s => s.Trim().ToUpperInvariant()).ToList(),
                Queue = r.GetValue(queue),
                User = r.GetValue(owner),
                Limit = r.GetValue(limit),
                ApplicationTags = r.GetValue(tags) ?? [],
                ApplicationTypes = r.GetValue(allTypes) ? [] : [AmEnv.ApplicationType],
            };
            var rm = services.RmClientFactory(common.RmOptions(r, services));
            var apps = (await rm.ListApplicationsAsync(query, ct).ConfigureAwait(false)).OrderByDescending(a => a.StartedTime).ToList();
            if (r.GetValue(common.Json))
            {
                await o.WriteLineAsync(JsonSerializer.Serialize(apps, CliJsonContext.Default.ListAppReport)).ConfigureAwait(false);
            }
            else
            {
                await AppTable.WriteListAsync(o, apps).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
