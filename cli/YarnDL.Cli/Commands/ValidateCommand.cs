using System.CommandLine;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Client.Submit;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Plan;
using YarnDL.Yarn.Rest.Errors;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl validate job.yaml [--rm URL] [--json]</c>: the submit checks, plus preflight when a cluster answers.</summary>
internal static class ValidateCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("validate", "Check a job spec (and, when a cluster is reachable, its asks)")
    {
        new Argument<string>("job") { Description = "Job spec (job.yaml)" },
    };

    public static Command Create(CommonOptions common, CliServices services)
    {
        var offline = new Option<bool>("--offline") { Description = "Skip the cluster preflight" };
        var command = Declare().WithOptions(offline, common.Json);
        var job = (Argument<string>)command.Arguments[0];
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var spec = JobSpecLoader.LoadFile(r.GetValue(job)!);
            var plan = JobPlan.From(spec);
            IReadOnlyList<string> problems = [];
            IReadOnlyList<string> warnings = [];
            string preflight = "skipped (--offline)";
            if (!r.GetValue(offline))
            {
                string? assumed = null;
                try
                {
                    var rm = services.RmClientFactory(common.RmOptions(r, services, onDefault: line => assumed = line) with { MaxRetries = 1 });
                    // Read-only calls only: asking for a new application would use up an application id per run.
                    var queue = spec.Queue;
                    var nodes = await ClusterNodes.TryGetAsync(rm, ct).ConfigureAwait(false);
                    var max = await MaximumAllocation.TryGetAsync(rm, queue, nodes, ct).ConfigureAwait(false);
                    var queues = queue is null ? null : await Preflight.TryGetQueuesAsync(rm, ct).ConfigureAwait(false);
                    var path = r.GetValue(job)!;
                    var locator = SpecLocator.For(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), path);
                    var capacity = await ClusterCapacity.TryGetAsync(rm, ct).ConfigureAwait(false);
                    var placement = NodeAttributePreflight.Check(spec, nodes, locator);
                    problems = [.. Preflight.Check(spec, max, queues, queue, locator), .. placement.Problems, .. Preflight.CheckCapacity(spec, capacity, locator, nodes), .. ContainerPacking.Check(spec, nodes, locator)];
                    warnings = placement.Warnings;
                    preflight = $"checked against {rm.ActiveEndpoint}";
                }
                catch (RmUnavailableException) when (assumed is not null)
                {
                    // No cluster was named anywhere: an offline check is what the user can have, and says so.
                    preflight = $"skipped ({assumed}, which did not answer; --rm URL or HADOOP_CONF_DIR names a cluster, --offline skips it)";
                }
            }

            foreach (var warning in warnings)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("warning: preflight: " + warning).ConfigureAwait(false);
            }

            if (r.GetValue(common.Json))
            {
                var result = new ValidateJson(problems.Count == 0, spec.Name, plan.Trials.Count, plan.Trials[0].TaskCount, plan.MaxGpusPerTask, problems);
                await o.WriteLineAsync(JsonSerializer.Serialize(result, CliJsonContext.Default.ValidateJson)).ConfigureAwait(false);
            }
            else
            {
                var verdict = problems.Count == 0 ? "ok" : "rejected";
                await o.WriteLineAsync($"{r.GetValue(job)}: {verdict}: '{spec.Name}', {plan.Trials.Count} trial(s) × {plan.Trials[0].TaskCount} task(s), max {plan.MaxGpusPerTask} GPU(s) per task; preflight {preflight}").ConfigureAwait(false);
            }

            return problems.Count == 0 ? ExitCodes.Ok : throw new PreflightException(problems);
        });
        return command;
    }
}
