using System.Net;
using System.Net.Sockets;

namespace YarnDL.Training.Distributed;

/// <summary>TCP setup shared by the ring and the parameter servers; a connect retries until the peer is listening.</summary>
internal static class PeerSockets
{
    /// <summary>Longest wait for a peer's bytes (or room to send) before the link counts as dead.</summary>
    public static readonly TimeSpan IoTimeout = TimeSpan.FromMinutes(10);

    public static void Tune(Socket s)
    {
        s.NoDelay = true;
        s.SendBufferSize = 4 << 20;
        s.ReceiveBufferSize = 4 << 20;
        s.ReceiveTimeout = (int)IoTimeout.TotalMilliseconds;
        s.SendTimeout = (int)IoTimeout.TotalMilliseconds;
    }

    /// <summary>Between connection attempts to a peer that is not listening yet. The peer is another process starting up,
    /// so there is no event to await; its caller bounds the whole wait with <c>ct</c>.</summary>
    private static readonly TimeSpan ConnectRetryInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<Socket> ConnectAsync(EndPoint peer, CancellationToken ct)
    {
        while (true)
        {
            var s = new Socket(peer.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await s.ConnectAsync(peer, ct);
                Tune(s);
                return s;
            }
            catch (SocketException) when (!ct.IsCancellationRequested)
            {
                s.Dispose();
                await Task.Delay(ConnectRetryInterval, ct);
            }
            catch
            {
                s.Dispose();
                throw;
            }
        }
    }
}
