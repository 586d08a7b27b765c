using System.Net;
using System.Net.Sockets;

namespace YarnDL.Trainer.Launcher;

/// <summary>Keeps a task's port while its program starts, without a window in which another process can take it.
/// The socket is bound to the wildcard address with SO_REUSEADDR and SO_REUSEPORT and never listens. On Linux a bound,
/// non-listening socket keeps other processes' ephemeral ports (connect, bind to port 0) off the port, while a program
/// that binds the port itself with SO_REUSEADDR (Python's <c>socket.create_server</c>, PyTorch's TCPStore, most
/// servers) or SO_REUSEPORT (TensorFlow's gRPC server) binds and listens normally; connections only ever reach a
/// listening socket, so none is lost to the reservation. A program that sets neither option gets EADDRINUSE: it runs
/// with <c>YARNDL_PORT_RESERVATION=release</c>, and the launcher releases the port just before starting it.</summary>
internal sealed class PortReservation : IDisposable
{
    private const int SolSocket = 1;
    private const int SoReusePort = 15;
    private Socket? socket;

    private PortReservation(Socket socket, int port)
    {
        this.socket = socket;
        Port = port;
    }

    public int Port { get; }

    /// <summary>True until <see cref="Release"/>.</summary>
    public bool IsHeld => socket is not null;

    /// <summary>Reserves a port the OS picks from its ephemeral range.</summary>
    public static PortReservation Reserve()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (OperatingSystem.IsLinux())
            {
                s.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            }

            s.Bind(new IPEndPoint(IPAddress.Any, 0));
            return new PortReservation(s, ((IPEndPoint)s.LocalEndPoint!).Port);
        }
        catch
        {
            s.Dispose();
            throw;
        }
    }

    /// <summary>Gives the port up (any process may bind it from now on).</summary>
    public void Release()
    {
        socket?.Dispose();
        socket = null;
    }

    public void Dispose() => Release();
}
