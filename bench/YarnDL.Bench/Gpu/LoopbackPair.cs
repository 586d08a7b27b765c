using System.Net;
using System.Net.Sockets;
using YarnDL.Training.Distributed;

namespace YarnDL.Bench.Gpu;

/// <summary>Two in-process ranks joined by the TCP ring all-reduce over 127.0.0.1 ports the OS picks.</summary>
internal static class LoopbackPair
{
    public static async Task<RingAllReduce[]> ConnectAsync(CancellationToken cancellationToken)
    {
        var listeners = Enumerable.Range(0, 2).Select(_ =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            s.Listen(2);
            return s;
        }).ToArray();
        try
        {
            var peers = listeners.Select(l => l.LocalEndPoint!).ToArray();
            return await Task.WhenAll(Enumerable.Range(0, 2).Select(r =>
                RingAllReduce.ConnectAsync(r, peers, listeners[r], TimeSpan.FromSeconds(30), cancellationToken)));
        }
        finally
        {
            foreach (var l in listeners)
            {
                l.Dispose();
            }
        }
    }
}
