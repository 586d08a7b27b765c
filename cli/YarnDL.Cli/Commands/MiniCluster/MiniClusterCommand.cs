using System.CommandLine;
using System.CommandLine.Parsing;
using YarnDL.Cli.Hosting;
using YarnDL.MiniCluster;

namespace YarnDL.Cli.Commands.MiniCluster;

/// <summary><c>yarndl minicluster</c>: runs a local RM + NMs in the foreground until Ctrl-C / SIGTERM.</summary>
internal static class MiniClusterCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("minicluster", "Run a local YARN stand-in (ResourceManager + NodeManagers) in the foreground");

    public static Command Create()
    {
        var nodes = new Option<int>("--nodes") { Description = "Number of NodeManagers", DefaultValueFactory = _ => 1 };
        var gpus = new Option<int>("--gpus-per-node") { Description = "yarn.io/gpu per node", DefaultValueFactory = _ => 0 };
        var memory = new Option<long>("--memory-per-node")
        {
            Description = "Memory per node (e.g. 8g, 4096m, plain MB)",
            DefaultValueFactory = _ => MiniClusterDefaults.MemoryMbPerNode,
            CustomParser = ParseMemory,
        };
        var vcores = new Option<int>("--vcores-per-node") { Description = "vcores per node", DefaultValueFactory = _ => MiniClusterDefaults.VCoresPerNode };
        var rmPort = new Option<int>("--rm-port") { Description = "RM REST port (0 = any free port)", DefaultValueFactory = _ => 0 };
        var ha = new Option<bool>("--ha") { Description = "Start two RMs (rm1 active, rm2 standby)" };
        var workDir = new Option<string?>("--work-dir") { Description = "Directory for conf, WebHDFS data and container dirs (kept)" };

        var command = Declare().WithOptions(nodes, gpus, memory, vcores, rmPort, ha, workDir);
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var options = new MiniClusterOptions
            {
                Nodes = r.GetValue(nodes), GpusPerNode = r.GetValue(gpus), MemoryMbPerNode = r.GetValue(memory),
                VCoresPerNode = r.GetValue(vcores), RmPort = r.GetValue(rmPort), HighAvailability = r.GetValue(ha),
                WorkDir = r.GetValue(workDir),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(options, r.InvocationConfiguration.Output, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(MiniClusterOptions options, TextWriter output, CancellationToken ct)
    {
        await using var cluster = await MiniYarnCluster.StartAsync(options, cancellationToken: ct).ConfigureAwait(false);
        foreach (var uri in cluster.RmRestUris) await output.WriteLineAsync($"rm-rest: {uri}").ConfigureAwait(false);
        await output.WriteLineAsync($"scheduler: {cluster.SchedulerAddress}").ConfigureAwait(false);
        await output.WriteLineAsync($"conf-dir: {cluster.ConfDir}").ConfigureAwait(false);
        foreach (var n in cluster.Nodes) await output.WriteLineAsync($"node: {n.NodeId} gpus={n.Gpus}").ConfigureAwait(false);
        await output.WriteLineAsync("ready (Ctrl-C to stop)").ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("stopping: killing every container").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Hadoop-style sizes: 8g, 512m, or a plain number of MB.</summary>
    internal static long ParseMemory(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value.Trim().ToLowerInvariant();
        var (digits, factor) = text.EndsWith('g') ? (text[..^1], 1024L)
            : text.EndsWith('m') ? (text[..^1], 1L)
            : (text, 1L);
        if (long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            return n * factor;
        result.AddError($"invalid memory size '{text}' (use e.g. 8g or 4096m)");
        return 0;
    }
}
