using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace YarnDL.Training.Cluster;

/// <summary>host:port parsing and the listening socket that reserves a task's port.</summary>
internal static class Endpoints
{
    public static EndPoint Parse(string hostPort)
    {
        ArgumentNullException.ThrowIfNull(hostPort);
        var colon = hostPort.LastIndexOf(':');
        var host = hostPort[..colon];
        var port = int.Parse(hostPort[(colon + 1)..], CultureInfo.InvariantCulture);
        return new IPEndPoint(Resolve(host), port);
    }

    public static IPAddress Resolve(string host) =>
        IPAddress.TryParse(host, out var ip) ? ip
        : host == "localhost" ? IPAddress.Loopback
        : Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);

    /// <summary>A listening socket on <paramref name="endPoint"/> (port 0: the OS picks one).</summary>
    public static Socket Listen(EndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var s = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.Bind(endPoint);
            s.Listen(16);
            return s;
        }
        catch
        {
            s.Dispose();
            throw;
        }
    }
}
