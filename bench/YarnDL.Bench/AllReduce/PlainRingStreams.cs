using System.Diagnostics;
using System.Net.Sockets;

namespace YarnDL.Bench.AllReduce;

/// <summary>The baseline: rank r streams N bytes to rank r+1 over one TCP connection, all links at once.</summary>
internal static class PlainRingStreams
{
    /// <summary>Bytes per second of one link while all links run together (best of 3).</summary>
    public static async Task<double> MeasureAsync(Socket[] listeners, long bytes, CancellationToken ct)
    {
        var n = listeners.Length;
        var senders = new Socket[n];
        var receivers = new Socket[n];
        for (var r = 0; r < n; r++)
        {
            senders[r] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendBufferSize = 4 << 20 };
            var accept = listeners[(r + 1) % n].AcceptAsync(ct);
            await senders[r].ConnectAsync(listeners[(r + 1) % n].LocalEndPoint!, ct);
            receivers[(r + 1) % n] = await accept;
            receivers[(r + 1) % n].ReceiveBufferSize = 4 << 20;
        }

        var best = double.MaxValue;
        for (var rep = 0; rep < 3; rep++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var work = new List<Task>();
            for (var r = 0; r < n; r++)
            {
                var s = senders[r];
                var d = receivers[r];
                work.Add(Task.Factory.StartNew(() => Send(s, bytes), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default));
                work.Add(Task.Factory.StartNew(() => Receive(d, bytes), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            }

            await Task.WhenAll(work);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }

        foreach (var s in senders.Concat(receivers))
        {
            s.Dispose();
        }

        return bytes / best;
    }

    private static void Send(Socket s, long bytes)
    {
        var buf = new byte[256 * 1024];
        for (var left = bytes; left > 0;)
        {
            left -= s.Send(buf.AsSpan(0, (int)Math.Min(buf.Length, left)));
        }
    }

    private static void Receive(Socket s, long bytes)
    {
        var buf = new byte[256 * 1024];
        for (var left = bytes; left > 0;)
        {
            left -= s.Receive(buf.AsSpan(0, (int)Math.Min(buf.Length, left)));
        }
    }
}
