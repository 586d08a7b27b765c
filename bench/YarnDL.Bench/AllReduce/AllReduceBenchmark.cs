using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace YarnDL.Bench.AllReduce;

/// <summary>Ring all-reduce bus bandwidth (4 local worker processes, 64 MiB fp32 each) against 4 plain TCP streams
/// arranged in the same ring and run at once (each worker streams 64 MiB to the next), measured in the same run by the
/// same processes. The two alternate, best of <see cref="Repeats"/> each after one warm-up, so a neighbour's load on the
/// shared machine hits both alike; the workers' CPU seconds per run are printed too, being less sensitive to that load
/// than wall time.</summary>
internal sealed class AllReduceBenchmark : IBenchmark
{
    internal const int Floats = 16 * 1024 * 1024;
    private const int World = 4;
    private const int Repeats = 5;

    public string Name => "allreduce";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, World).Select(Start).ToArray();
        try
        {
            var ready = await Task.WhenAll(workers.Select(w => ReadAsync(w, "ready", cancellationToken)));
            var ports = string.Join(' ', ready.Select(r => r[1]).Concat(ready.Select(r => r[2])));
            foreach (var w in workers)
            {
                await w.StandardInput.WriteLineAsync("peers " + ports);
                await w.StandardInput.FlushAsync(cancellationToken);
            }

            var ring = new Best();
            var plain = new Best();
            var sumChecked = true;
            for (var rep = 0; rep <= Repeats; rep++)
            {
                var (wall, cpu, answers) = await RoundAsync(workers, "ring", cancellationToken);
                ring.Add(wall, cpu, rep > 0);

                // Every rank must hold the same sum: what the four held before, added up.
                var before = answers.Sum(a => double.Parse(a[2], CultureInfo.InvariantCulture));
                sumChecked &= answers.All(a => double.Parse(a[3], CultureInfo.InvariantCulture) == before);
                (wall, cpu, _) = await RoundAsync(workers, "plain", cancellationToken);
                plain.Add(wall, cpu, rep > 0);
            }

            foreach (var w in workers)
            {
                await w.StandardInput.WriteLineAsync("quit");
                await w.StandardInput.FlushAsync(cancellationToken);
            }

            await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(cancellationToken)));

            // Bus bandwidth: the bytes each rank sends, 2(W-1)/W of the buffer, per second; the baseline's is one link's.
            var bytes = Floats * 4L;
            var busBytes = 2.0 * (World - 1) / World * bytes;
            var busBw = busBytes / ring.Wall / 1e9;
            var streamBw = bytes / plain.Wall / 1e9;
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"workers={World} processes=true buffer_mib={bytes >> 20} sum_checked={sumChecked.ToString().ToLowerInvariant()}"));
            output.WriteLine(string.Create(inv, $"allreduce_seconds={ring.Wall:F3}"));
            output.WriteLine(string.Create(inv, $"allreduce_cpu_seconds={ring.Cpu:F3}"));
            output.WriteLine(string.Create(inv, $"ring_stream_seconds={plain.Wall:F3}"));
            output.WriteLine(string.Create(inv, $"ring_stream_cpu_seconds={plain.Cpu:F3}"));
            output.WriteLine(string.Create(inv, $"allreduce_vs_ring_streams_per_cpu_second={busBytes / ring.Cpu / (bytes / plain.Cpu):F3}"));
            output.WriteLine(string.Create(inv, $"allreduce_bus_gbytes_per_s={busBw:F2}"));
            output.WriteLine(string.Create(inv, $"ring_stream_gbytes_per_s={streamBw:F2}"));
            output.WriteLine(string.Create(inv, $"allreduce_vs_ring_streams={busBw / streamBw:F3}"));
            return sumChecked ? 0 : 1;
        }
        finally
        {
            foreach (var w in workers)
            {
                if (!w.HasExited)
                {
                    w.Kill();
                }

                w.Dispose();
            }
        }
    }

    internal static Socket Listen()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        s.Listen(8);
        return s;
    }

    /// <summary>This benchmark program again, as <see cref="RingWorker"/> for <paramref name="rank"/>.</summary>
    private static Process Start(int rank) => BenchProcess.Start([RingWorker.Verb, rank.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Sends <paramref name="command"/> to every worker at once; wall time until the last answered, and
    /// the CPU seconds the workers report.</summary>
    private static async Task<(double Wall, double Cpu, string[][] Answers)> RoundAsync(Process[] workers, string command, CancellationToken ct)
    {
        var t0 = Stopwatch.GetTimestamp();
        foreach (var w in workers)
        {
            await w.StandardInput.WriteLineAsync(command);
            await w.StandardInput.FlushAsync(ct);
        }

        var answers = await Task.WhenAll(workers.Select(w => ReadAsync(w, "done", ct)));
        var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        return (wall, answers.Sum(a => double.Parse(a[1], CultureInfo.InvariantCulture)), answers);
    }

    private static async Task<string[]> ReadAsync(Process worker, string expected, CancellationToken ct)
    {
        var line = await worker.StandardOutput.ReadLineAsync(ct) ?? throw new IOException($"all-reduce worker {worker.Id} exited (expected '{expected}')");
        var words = line.Split(' ');
        return words[0] == expected ? words : throw new IOException($"all-reduce worker {worker.Id} said '{line}', expected '{expected}'");
    }

    /// <summary>Fastest wall time and least CPU time seen.</summary>
    private sealed class Best
    {
        public double Wall { get; private set; } = double.MaxValue;

        public double Cpu { get; private set; } = double.MaxValue;

        public void Add(double wall, double cpu, bool counts)
        {
            if (counts)
            {
                Wall = Math.Min(Wall, wall);
                Cpu = Math.Min(Cpu, cpu);
            }
        }
    }
}
