using System.Diagnostics;
using System.Globalization;
using YarnDL.MiniCluster;

namespace YarnDL.Bench.AmScale;

/// <summary>The child process of the MiniCluster variant: runs the RM and NMs (and the container processes they
/// spawn) outside the AM's process, so the AM's CPU and RSS can be read off the parent alone. Prints its addresses,
/// then <c>all-running</c> once <c>target</c> task containers have a live process, and stops when stdin closes.</summary>
internal static class MiniClusterHost
{
    public const string Flag = "--host-minicluster";

    public static async Task<int> RunAsync(int nodes, int target, TextWriter output, CancellationToken ct)
    {
        var options = new MiniClusterOptions { Nodes = nodes, GpusPerNode = 0, MemoryMbPerNode = 48 * 1024, VCoresPerNode = 48 };
        await using var cluster = await MiniYarnCluster.StartAsync(options, cancellationToken: ct).ConfigureAwait(false);
        var allRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(ct);

        // Counted a few times a second, not on every change: a count walks every container, and with thousands of them a
        // walk per change would cost the host more than the launches.
        var polling = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (await tick.WaitForNextTickAsync(stopPolling.Token).ConfigureAwait(false))
            {
                if (cluster.Rm.Read(v => v.Nodes.Sum(n => n.Containers.Count(c => !c.IsAm && c.State == "RUNNING"))) >= target)
                {
                    allRunning.TrySetResult();
                    return;
                }
            }
        }, ct);

        await output.WriteLineAsync($"rm-rest: {cluster.RmRestUri}").ConfigureAwait(false);
        await output.WriteLineAsync($"scheduler: {cluster.SchedulerAddress}").ConfigureAwait(false);
        await output.WriteLineAsync("ready").ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);

        // Console.In's async reads run synchronously: read on a pool thread so the wait below can see all-running.
        var stdinClosed = Task.Run(() => Console.In.ReadToEnd(), ct);
        if (await Task.WhenAny(allRunning.Task, stdinClosed).ConfigureAwait(false) == allRunning.Task)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"all-running minicluster_cpu_ms={cpu:F0}")).ConfigureAwait(false);
            await output.FlushAsync(ct).ConfigureAwait(false);
            await stdinClosed.ConfigureAwait(false);
        }

        await stopPolling.CancelAsync().ConfigureAwait(false);
        await polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!allRunning.Task.IsCompleted)
        {
            var states = cluster.Rm.Read(v => string.Join(' ', v.Nodes.SelectMany(n => n.Containers).Where(c => !c.IsAm)
                .GroupBy(c => c.State).Select(g => $"{g.Key}={g.Count()}")));
            var done = cluster.Rm.Read(v => string.Join(' ', v.Rm.CompletedContainers.GroupBy(c => c.ExitStatus).Select(g => $"exit{g.Key}={g.Count()}")));
            await Console.Error.WriteLineAsync($"minicluster host: not all {target} task containers ran: {states} {done}").ConfigureAwait(false);
        }
        return 0;
    }
}
