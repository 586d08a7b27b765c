using System.Net.Sockets;

namespace YarnDL.Bench.AllReduce;

/// <summary>The baseline: rank r streams N bytes to rank r+1 over one TCP connection, all links at once. Plain
/// blocking sockets with the kernel's own (auto-tuned) buffer sizes, connected and accepted synchronously so .NET's
/// epoll engine never sees them, and one sender and one receiver thread per link, each copying through a 256 KiB
/// buffer that stays in cache. (Forcing 4 MiB socket buffers, as the ring's links need, made these streams use
/// about 10% more CPU per byte on loopback, so the baseline keeps the defaults.)</summary>
internal sealed class PlainRingStreams : IDisposable
{
    private readonly Socket[] senders;
    private readonly Socket[] receivers;

    private PlainRingStreams(Socket[] senders, Socket[] receivers)
    {
        this.senders = senders;
        this.receivers = receivers;
    }

    /// <summary>Links rank r to rank r+1 through <paramref name="listeners"/>[r+1] (bound and listening).</summary>
    public static PlainRingStreams Connect(Socket[] listeners)
    {
        var n = listeners.Length;
        var senders = new Socket[n];
        var receivers = new Socket[n];
        for (var r = 0; r < n; r++)
        {
            var next = (r + 1) % n;
            senders[r] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            senders[r].Connect(listeners[next].LocalEndPoint!);
            receivers[next] = listeners[next].Accept();
        }

        return new PlainRingStreams(senders, receivers);
    }

    /// <summary>Streams <paramref name="bytes"/> over every link at once; returns when all have arrived.</summary>
    public void Run(long bytes)
    {
        var threads = new List<Thread>();
        for (var r = 0; r < senders.Length; r++)
        {
            var s = senders[r];
            var d = receivers[(r + 1) % senders.Length];
            threads.Add(new Thread(() => Send(s, bytes)) { Name = "stream-send" });
            threads.Add(new Thread(() => Receive(d, bytes)) { Name = "stream-recv" });
        }

        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }
    }

    public void Dispose()
    {
        foreach (var s in senders.Concat(receivers))
        {
            s.Dispose();
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
