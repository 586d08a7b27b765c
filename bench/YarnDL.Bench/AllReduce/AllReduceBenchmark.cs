using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using YarnDL.Training.Distributed;

namespace YarnDL.Bench.AllReduce;

/// <summary>Ring all-reduce bus bandwidth (4 ranks as threads, 64 MiB fp32) against 4 plain TCP streams arranged in
/// the same ring and run at once (each rank streams 64 MiB to the next), measured in the same run. The two alternate,
/// best of <see cref="Repeats"/> each after one warm-up, so a neighbour's load on the shared machine hits both
/// alike; process CPU seconds per run are printed too, being less sensitive to that load than wall time.</summary>
internal sealed class AllReduceBenchmark : IBenchmark
{
    private const int World = 4;
    private const int Floats = 16 * 1024 * 1024;
    private const int Repeats = 5;

    public string Name => "allreduce";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var listeners = Enumerable.Range(0, World).Select(_ => Listen()).ToArray();
        var peers = listeners.Select(l => l.LocalEndPoint!).ToArray();
        var rings = await Task.WhenAll(Enumerable.Range(0, World).Select(r =>
            RingAllReduce.ConnectAsync(r, peers, listeners[r], TimeSpan.FromSeconds(30), cancellationToken)));
        using var streams = PlainRingStreams.Connect(listeners);
        var buffers = Enumerable.Range(0, World).Select(r => Enumerable.Repeat((float)r, Floats).ToArray()).ToArray();
        var bytes = Floats * 4L;
        var ring = new Best();
        var plain = new Best();
        for (var rep = 0; rep <= Repeats; rep++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (wall, cpu) = Time(() => RunRanks(rings, buffers));
            ring.Add(wall, cpu, rep > 0);
            (wall, cpu) = Time(() => streams.Run(bytes));
            plain.Add(wall, cpu, rep > 0);
        }

        foreach (var r in rings)
        {
            r.Dispose();
        }

        foreach (var l in listeners)
        {
            l.Dispose();
        }

        // Bus bandwidth: the bytes each rank sends, 2(W-1)/W of the buffer, per second; the baseline's is one link's.
        var busBytes = 2.0 * (World - 1) / World * bytes;
        var busBw = busBytes / ring.Wall / 1e9;
        var streamBw = bytes / plain.Wall / 1e9;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"allreduce_seconds={ring.Wall:F3}"));
        output.WriteLine(string.Create(inv, $"allreduce_cpu_seconds={ring.Cpu:F3}"));
        output.WriteLine(string.Create(inv, $"ring_stream_seconds={plain.Wall:F3}"));
        output.WriteLine(string.Create(inv, $"ring_stream_cpu_seconds={plain.Cpu:F3}"));
        output.WriteLine(string.Create(inv, $"allreduce_vs_ring_streams_per_cpu_second={busBytes / ring.Cpu / (bytes / plain.Cpu):F3}"));
        output.WriteLine(string.Create(inv, $"allreduce_bus_gbytes_per_s={busBw:F2}"));
        output.WriteLine(string.Create(inv, $"ring_stream_gbytes_per_s={streamBw:F2}"));
        output.WriteLine(string.Create(inv, $"allreduce_vs_ring_streams={busBw / streamBw:F3}"));
        return 0;
    }

    internal static Socket Listen()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        s.Listen(8);
        return s;
    }

    private static void RunRanks(RingAllReduce[] rings, float[][] buffers)
    {
        var threads = rings.Select(r => new Thread(() => r.AllReduceSum(buffers[r.Rank])) { Name = $"rank-{r.Rank}" }).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }
    }

    private static (double Wall, double Cpu) Time(Action run)
    {
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var t0 = Stopwatch.GetTimestamp();
        run();
        var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        self.Refresh();
        return (wall, (self.TotalProcessorTime - cpu0).TotalSeconds);
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
