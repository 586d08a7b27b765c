using System.Net;
using System.Net.Sockets;

namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>Socket setup shared by both ends; workers retry until the ps task is listening.</summary>
internal static class PsConnect
{
    public static void Tune(Socket s)
    {
        s.NoDelay = true;
        s.SendBufferSize = 4 << 20;
        s.ReceiveBufferSize = 4 << 20;
        s.ReceiveTimeout = (int)TimeSpan.FromMinutes(10).TotalMilliseconds;
        s.SendTimeout = (int)TimeSpan.FromMinutes(10).TotalMilliseconds;
    }

    public static async Task<Socket> ConnectAsync(EndPoint ps, CancellationToken ct)
    {
        while (true)
        {
            var s = new Socket(ps.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await s.ConnectAsync(ps, ct);
                Tune(s);
                return s;
            }
            catch (SocketException) when (!ct.IsCancellationRequested)
            {
                s.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
            }
            catch
            {
                s.Dispose();
                throw;
            }
        }
    }
}
