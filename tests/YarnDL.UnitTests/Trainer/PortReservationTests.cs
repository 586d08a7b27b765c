using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
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
        const int eaddrinuse = 98;
        using var held = PortReservation.Reserve();
        var whileHeld = PlainBind(held.Port, out var first);
        _ = NativeClose(first);

        held.Release();
        var afterRelease = PlainBind(held.Port, out var second);
        _ = NativeClose(second);

        Assert.Equal(eaddrinuse, whileHeld);
        Assert.Equal(0, afterRelease);
        Assert.False(held.IsHeld);
    }

    /// <summary>bind(2) of a fresh TCP socket without SO_REUSEADDR/SO_REUSEPORT, as a program that sets neither does
    /// (.NET sockets cannot show that: the runtime sets SO_REUSEADDR on its TCP sockets). Returns errno, 0 on success.</summary>
    private static int PlainBind(int port, out int fd)
    {
        fd = NativeSocket(2, 1, 0); // AF_INET, SOCK_STREAM
        Assert.True(fd >= 0, $"socket() failed: errno {Marshal.GetLastPInvokeError()}");
        var address = new byte[16];
        address[0] = 2; // sin_family AF_INET, little-endian
        address[2] = (byte)(port >> 8); // sin_port, network order
        address[3] = (byte)port;
        address[4] = 127; // sin_addr 127.0.0.1
        address[7] = 1;
        return NativeBind(fd, address, address.Length) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static extern int NativeSocket(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static extern int NativeBind(int fd, byte[] address, int length);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int NativeClose(int fd);
}
