using System.Globalization;
using System.Runtime.InteropServices;
using YarnDL.MiniCluster;

namespace YarnDL.MiniCluster.Host;

/// <summary>
/// Runs a <see cref="MiniYarnCluster"/> in the foreground. Prints <c>rm-rest:</c> (one line per RM), <c>scheduler:</c>,
/// <c>conf-dir:</c>, <c>work-dir:</c>, one <c>node:</c> line per NodeManager, then <c>ready</c>; stops — killing every
/// container — on SIGINT, SIGTERM or when its standard input closes (yarndl closes it to stop the cluster, and it closes
/// by itself when yarndl dies). Bad arguments or options: one <c>error:</c> line on stderr, exit 2.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        MiniClusterOptions options;
        try
        {
            options = Parse(args);
            options.Validate();
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await RunAsync(options, Console.Out, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped while starting: StartAsync has cleaned up
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // stop cleanly below instead of the runtime's default exit
            stop.Cancel();
        }
    }

    private static async Task RunAsync(MiniClusterOptions options, TextWriter output, CancellationToken stop)
    {
        await using (var cluster = await MiniYarnCluster.StartAsync(options, cancellationToken: stop))
        {
            foreach (var uri in cluster.RmRestUris)
            {
                await output.WriteLineAsync($"rm-rest: {uri}");
            }

            await output.WriteLineAsync($"scheduler: {cluster.SchedulerAddress}");
            await output.WriteLineAsync($"conf-dir: {cluster.ConfDir}");
            await output.WriteLineAsync($"work-dir: {cluster.WorkDir}");
            foreach (var n in cluster.Nodes)
            {
                await output.WriteLineAsync($"node: {n.NodeId} gpus={n.Gpus}");
            }

            await output.WriteLineAsync("ready (Ctrl-C to stop)");
            await output.FlushAsync(CancellationToken.None);

            // Console.In reads block: on a pool thread, so a signal can end the wait first.
            var stdinClosed = Task.Run(() => Console.In.ReadToEnd(), CancellationToken.None);
            await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default));
            await output.WriteLineAsync("stopping: killing every container");
            await output.FlushAsync(CancellationToken.None);
        }
    }

    /// <summary><c>--nodes N --gpus-per-node G --memory-per-node MB --vcores-per-node V --rm-port P [--ha] [--work-dir DIR]
    /// [--node-label INDEX=LABEL]… [--node-attributes INDEX=NAME,STRING,VALUE[:…]]… [--image-command NAME=COMMAND]…</c>; unset ones keep the MiniCluster defaults.</summary>
    internal static MiniClusterOptions Parse(IReadOnlyList<string> args)
    {
        int nodes = MiniClusterDefaults.Nodes, gpus = MiniClusterDefaults.GpusPerNode, vcores = MiniClusterDefaults.VCoresPerNode, rmPort = 0;
        long memory = MiniClusterDefaults.MemoryMbPerNode;
        var ha = false;
        string? workDir = null;
        var labels = new Dictionary<int, string>();
        var attributes = new Dictionary<int, string>();
        var imageCommands = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--nodes": nodes = Int(args, ++i); break;
                case "--gpus-per-node": gpus = Int(args, ++i); break;
                case "--memory-per-node": memory = Long(args, ++i); break;
                case "--vcores-per-node": vcores = Int(args, ++i); break;
                case "--rm-port": rmPort = Int(args, ++i); break;
                case "--ha": ha = true; break;
                case "--work-dir": workDir = Value(args, ++i); break;
                case "--node-label": PerNode(args, ++i, labels); break;
                case "--node-attributes": PerNode(args, ++i, attributes); break;
                case "--image-command": ImageCommand(args, ++i, imageCommands); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        return new MiniClusterOptions
        {
            Nodes = nodes, GpusPerNode = gpus, MemoryMbPerNode = memory, VCoresPerNode = vcores, RmPort = rmPort,
            HighAvailability = ha, WorkDir = workDir, NodeLabels = labels, NodeAttributes = attributes,
            DockerImageCommands = imageCommands,
        };
    }

    /// <summary>INDEX=VALUE into <paramref name="perNode"/>; the options' own check then validates index and value.</summary>
    private static void PerNode(IReadOnlyList<string> args, int i, Dictionary<int, string> perNode)
    {
        var text = Value(args, i);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !int.TryParse(text.AsSpan(0, eq), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new ArgumentException($"{args[i - 1]}: '{text}' is not INDEX=VALUE (a node index from 0, e.g. 0=...)");
        }

        if (!perNode.TryAdd(index, text[(eq + 1)..]))
        {
            throw new ArgumentException($"{args[i - 1]}: node {index} given twice");
        }
    }

    /// <summary>NAME=COMMAND: a command the stand-in for docker images provides on its PATH.</summary>
    private static void ImageCommand(IReadOnlyList<string> args, int i, Dictionary<string, string> commands)
    {
        var text = Value(args, i);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1 || !commands.TryAdd(text[..eq], text[(eq + 1)..]))
        {
            throw new ArgumentException($"{args[i - 1]}: '{text}' is not NAME=COMMAND with a new NAME (e.g. yarndl-am=dotnet /opt/am/YarnDL.AppMaster.dll)");
        }
    }

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Int(IReadOnlyList<string> args, int i) =>
        int.TryParse(Value(args, i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"{args[i - 1]}: '{args[i]}' is not a number");

    private static long Long(IReadOnlyList<string> args, int i) =>
        long.TryParse(Value(args, i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"{args[i - 1]}: '{args[i]}' is not a number");
}
