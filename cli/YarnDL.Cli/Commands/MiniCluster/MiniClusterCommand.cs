using System.CommandLine;
using System.CommandLine.Parsing;
using YarnDL.Cli.Hosting;
using System.Globalization;
using YarnDL.Cli.Local;

namespace YarnDL.Cli.Commands.MiniCluster;

/// <summary>
/// <c>yarndl minicluster</c>: runs a local RM + NMs in the foreground until Ctrl-C / SIGTERM. The cluster runs in the
/// MiniCluster host process shipped beside yarndl (<see cref="MiniClusterProcess"/>); its lines are relayed as they come.
/// </summary>
internal static class MiniClusterCommand
{
    /// <summary>The MiniCluster's own defaults (MiniClusterDefaults; yarndl does not reference the MiniCluster; a test keeps them equal).</summary>
    internal const long DefaultMemoryMbPerNode = 8192;
    internal const int DefaultVCoresPerNode = 8;

    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("minicluster", "Run a local YARN stand-in (ResourceManager + NodeManagers) in the foreground");

    /// <param name="bundleDirectory">Where <c>minicluster/</c> is (default: yarndl's folder).</param>
    public static Command Create(string? bundleDirectory = null)
    {
        var nodes = new Option<int>("--nodes") { Description = "Number of NodeManagers", DefaultValueFactory = _ => 1 };
        var gpus = new Option<int>("--gpus-per-node") { Description = "yarn.io/gpu per node", DefaultValueFactory = _ => 0 };
        var memory = new Option<long>("--memory-per-node")
        {
            Description = "Memory per node (e.g. 8g, 4096m, plain MB)",
            DefaultValueFactory = _ => DefaultMemoryMbPerNode,
            CustomParser = ParseMemory,
        };
        var vcores = new Option<int>("--vcores-per-node") { Description = "vcores per node", DefaultValueFactory = _ => DefaultVCoresPerNode };
        var rmPort = new Option<int>("--rm-port") { Description = "RM REST port (0 = any free port)", DefaultValueFactory = _ => 0 };
        var ha = new Option<bool>("--ha") { Description = "Start two RMs (rm1 active, rm2 standby)" };
        var workDir = new Option<string?>("--work-dir") { Description = "Directory for conf, WebHDFS data and container dirs (kept)" };
        var labels = new Option<string[]>("--node-label") { Description = "INDEX=LABEL: a node label on node INDEX (from 0), e.g. 0=gpu; repeat per node" };
        var attributes = new Option<string[]>("--node-attributes")
        {
            Description = "INDEX=NAME,STRING,VALUE[:NAME,STRING,VALUE…]: node attributes of node INDEX as a NodeManager's configured-node-attributes (prefix nm.yarn.io), e.g. 1=gpu-model,STRING,A100; repeat per node",
        };

        var command = Declare().WithOptions(nodes, gpus, memory, vcores, rmPort, ha, workDir, labels, attributes);
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var inv = CultureInfo.InvariantCulture;
            List<string> args =
            [
                "--nodes", r.GetValue(nodes).ToString(inv), "--gpus-per-node", r.GetValue(gpus).ToString(inv),
                "--memory-per-node", r.GetValue(memory).ToString(inv), "--vcores-per-node", r.GetValue(vcores).ToString(inv),
                "--rm-port", r.GetValue(rmPort).ToString(inv),
            ];
            if (r.GetValue(ha))
            {
                args.Add("--ha");
            }

            if (r.GetValue(workDir) is { } dir)
            {
                args.AddRange(["--work-dir", Path.GetFullPath(dir)]);
            }

            foreach (var label in r.GetValue(labels) ?? [])
            {
                args.AddRange(["--node-label", label]);
            }

            foreach (var set in r.GetValue(attributes) ?? [])
            {
                args.AddRange(["--node-attributes", set]);
            }

            // No docker here: jobs in image mode find yarndl-am and yarndl-trainer as the YarnDL images provide them,
            // standing for the AM and the trainer shipped beside yarndl.
            var apps = BundledApps.At(bundleDirectory ?? AppContext.BaseDirectory);
            if (File.Exists(apps.AmDll) && File.Exists(apps.TrainerDll))
            {
                args.AddRange(["--image-command", "yarndl-am=dotnet " + BundledApps.ShellWord(apps.AmDll)]);
                args.AddRange(["--image-command", "yarndl-trainer=" + apps.TrainerCommand]);
            }

            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            MiniClusterProcess host;
            try
            {
                host = MiniClusterProcess.Start(bundleDirectory ?? AppContext.BaseDirectory, args, output, error);
            }
            catch (FileNotFoundException e)
            {
                await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Internal;
            }

            await using (host.ConfigureAwait(false))
            {
                try
                {
                    // Bad options (exit 2, its error line relayed) or a signal it got itself, e.g. Ctrl-C in the terminal.
                    return await host.WaitForExitAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // SIGTERM/Ctrl-C to yarndl: the host stops the cluster and every container, and says so.
                    return await host.StopAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
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
