using System.Net;
using System.Net.Sockets;
using YarnDL.Trainer.Launcher;

namespace YarnDL.UnitTests.Trainer;

public sealed class PortReservationTests
{
    [Fact]
    public async Task A_program_binding_with_SO_REUSEADDR_listens_on_the_held_port_and_gets_every_connection()
    {
        using var held = PortReservation.Reserve();
        using var program = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        program.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);

        program.Bind(new IPEndPoint(IPAddress.Loopback, held.Port));
        program.Listen(4);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, held.Port);
        using var accepted = await program.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(held.IsHeld);
        Assert.True(accepted.Connected);
    }

    [Fact]
    public void Another_process_cannot_take_the_port_without_asking_to_share_it_until_it_is_released()
    {
        using var held = PortReservation.Reserve();
        var port = held.Port;
        var refused = Assert.Throws<SocketException>(() => BindListen(port));
        Assert.Equal(SocketError.AddressAlreadyInUse, refused.SocketErrorCode);

        held.Release();

        using var afterRelease = BindListen(port);
        Assert.False(held.IsHeld);
    }

    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;
    private const int SoReusePort = 15;

    /// <summary>A listener without SO_REUSEADDR/SO_REUSEPORT, as a program that sets neither binds.</summary>
    private static Socket BindListen(int port)
    {
        // .NET creates TCP sockets with SO_REUSEADDR on (on Unix); a program that sets neither option has both off.
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(0));
            s.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(0));

            s.Bind(new IPEndPoint(IPAddress.Loopback, port));
            s.Listen(1);
            return s;
        }
        catch
        {
            s.Dispose();
            throw;
        }
    }
}
