using System.Net.Sockets;

namespace YarnDL.Bench.AllReduce;

/// <summary>The baseline: rank r streams N bytes to rank r+1 over one TCP connection, all links at once, each rank a
/// process. Plain blocking sockets with the kernel's own (auto-tuned) buffer sizes, connected and accepted
/// synchronously so .NET's epoll engine never sees them, and one sender and one receiver thread per rank, each copying
/// through a 256 KiB buffer that stays in cache. (Forcing 4 MiB socket buffers, as the ring's links need, made these
/// streams use about 10% more CPU per byte on loopback, so the baseline keeps the defaults.)</summary>
internal static class PlainRingStreams
{
    /// <summary>One rank's share: sends <paramref name="bytes"/> to the next rank while receiving as many from the
    /// previous one; returns when both are done.</summary>
    public static void Run(Socket next, Socket previous, long bytes)
    {
        Thread[] threads = [new(() => Send(next, bytes)) { Name = "stream-send" }, new(() => Receive(previous, bytes)) { Name = "stream-recv" }];
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }
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
            var n = s.Receive(buf.AsSpan(0, (int)Math.Min(buf.Length, left)));
            if (n == 0)
            {
                throw new IOException("baseline stream closed early");
            }

            left -= n;
        }
    }
}
