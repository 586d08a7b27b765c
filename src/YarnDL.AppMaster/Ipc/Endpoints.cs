using System.Globalization;
using System.Net;

namespace YarnDL.AppMaster.Ipc;

/// <summary>host:port parsing for Hadoop addresses.</summary>
internal static class Endpoints
{
    public static (string Host, int Port) Split(string address, int defaultPort)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 && int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (address[..colon], port)
            : (address, defaultPort);
    }

    public static EndPoint Resolve(string host, int port)
    {
        if (host is "0.0.0.0" or "")
        {
            host = "127.0.0.1";
        }

        return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);
    }
}
