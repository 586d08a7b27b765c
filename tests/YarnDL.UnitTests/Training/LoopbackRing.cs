using System.Net;
using System.Net.Sockets;
using YarnDL.Training.Distributed;

namespace YarnDL.UnitTests.Training;

/// <summary>Builds an in-process ring of N ranks over 127.0.0.1 ports chosen by the OS.</summary>
internal static class LoopbackRing
{
    public static async Task<IGradientReducer[]> CreateAsync(int world)
    {
        if (world == 1)
        {
            return [new SingleRankReducer()];
        }

        var listeners = Enumerable.Range(0, world).Select(_ =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            s.Listen(4);
            return s;
        }).ToArray();
        try
        {
            var peers = listeners.Select(l => l.LocalEndPoint!).ToArray();
            var rings = await Task.WhenAll(Enumerable.Range(0, world).Select(r =>
                RingAllReduce.ConnectAsync(r, peers, listeners[r], TimeSpan.FromSeconds(30), CancellationToken.None)));
            return rings;
        }
        finally
        {
            foreach (var l in listeners)
            {
                l.Dispose();
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> once per rank, each on its own thread, and waits for all.</summary>
    public static T[] RunEach<T>(IGradientReducer[] ranks, Func<IGradientReducer, T> body)
    {
        var tasks = ranks.Select(r => Task.Factory.StartNew(() => body(r), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        if (!Task.WaitAll(tasks, TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException("ranks did not finish within 120 s");
        }

        return [.. tasks.Select(t => t.Result)];
    }
}
