using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using YarnDL.Training.Distributed;

namespace YarnDL.Bench.AllReduce;

/// <summary>Ring all-reduce bus bandwidth (4 ranks as threads, 64 MiB fp32) against 4 plain TCP streams arranged in
/// the same ring and run at once (each rank streams 64 MiB to the next), measured in the same run.</summary>
internal sealed class AllReduceBenchmark : IBenchmark
{
    private const int World = 4;
    private const int Floats = 16 * 1024 * 1024;

    public string Name => "allreduce";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var listeners = Enumerable.Range(0, World).Select(_ => Listen()).ToArray();
        var peers = listeners.Select(l => l.LocalEndPoint!).ToArray();
        var rings = await Task.WhenAll(Enumerable.Range(0, World).Select(r =>
            RingAllReduce.ConnectAsync(r, peers, listeners[r], TimeSpan.FromSeconds(30), cancellationToken)));
        var buffers = Enumerable.Range(0, World).Select(r => Enumerable.Repeat((float)r, Floats).ToArray()).ToArray();
        var best = double.MaxValue;
        for (var rep = 0; rep < 4; rep++)
        {
            var t0 = Stopwatch.GetTimestamp();
            await Task.WhenAll(rings.Select(r => Task.Factory.StartNew(() => r.AllReduceSum(buffers[r.Rank]), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
            best = rep == 0 ? best : Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }

        foreach (var r in rings)
        {
            r.Dispose();
        }

        var bytes = Floats * 4.0;
        var busBw = 2.0 * (World - 1) / World * bytes / best / 1e9;
        var streamBw = await PlainRingStreams.MeasureAsync(listeners, (long)bytes, cancellationToken) / 1e9;
        foreach (var l in listeners)
        {
            l.Dispose();
        }

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"allreduce_seconds={best:F3}"));
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
}
