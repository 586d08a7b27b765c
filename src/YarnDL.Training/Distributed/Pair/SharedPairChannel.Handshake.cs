using System.IO.MemoryMappedFiles;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace YarnDL.Training.Distributed.Pair;

/// <summary>The handshake of <see cref="SharedPairChannel"/>: rank 0 creates and offers the file, rank 1 opens it and
/// proves it is the same file by its nonce; both swap their TCP send-before-receive limits.</summary>
internal sealed unsafe partial class SharedPairChannel
{
    /// <summary>Rank 0's side of the handshake over the ring's links: offers a fresh file to rank 1 and keeps it
    /// if rank 1 can open it and reads back the random nonce. Null (and TCP from then on) otherwise. The two sides
    /// also swap <paramref name="tcpLimitBytes"/> (what each can send before receiving), so both choose the
    /// same path for every later call.</summary>
    public static SharedPairChannel? Offer(Socket send, Socket recv, int capacityFloats, string? directory, long tcpLimitBytes, out long peerTcpLimitBytes)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        string? path = null;
        SharedPairChannel? channel = null;
        try
        {
            if (directory is not null)
            {
                path = Path.Combine(directory, $"yarndl-ring-{Environment.ProcessId}-{Guid.NewGuid():N}");
                channel = Create(path, capacityFloats, nonce);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            channel = null;
        }

        try
        {
            var name = Encoding.UTF8.GetBytes(channel is null ? string.Empty : path!);
            var hello = new byte[HelloBytes + name.Length + NonceBytes];
            BitConverter.TryWriteBytes(hello.AsSpan(0, 4), name.Length);
            BitConverter.TryWriteBytes(hello.AsSpan(4, 4), capacityFloats);
            BitConverter.TryWriteBytes(hello.AsSpan(8, 8), tcpLimitBytes);
            name.CopyTo(hello, HelloBytes);
            nonce.CopyTo(hello, HelloBytes + name.Length);
            SendAll(send, hello);
            var ack = new byte[9];
            ReceiveAll(recv, ack);
            peerTcpLimitBytes = BitConverter.ToInt64(ack, 1);
            if (ack[0] == 1 && channel is not null)
            {
                channel.OfferedPath = path;
                return channel;
            }

            channel?.Dispose();
            return null;
        }
        catch
        {
            channel?.Dispose();
            throw;
        }
        finally
        {
            // Both sides have it mapped (or gave up): the name is no longer needed, and nothing is left behind.
            if (path is not null && channel is not null)
            {
                TryDelete(path);
            }
        }
    }

    /// <summary>Rank 1's side: opens the offered file and checks the nonce; answers 1 (use it) or 0 (stay on TCP).</summary>
    public static SharedPairChannel? Accept(Socket send, Socket recv, bool allow, long tcpLimitBytes, out long peerTcpLimitBytes)
    {
        var head = new byte[HelloBytes];
        ReceiveAll(recv, head);
        var nameLength = BitConverter.ToInt32(head, 0);
        var capacity = BitConverter.ToInt32(head, 4);
        peerTcpLimitBytes = BitConverter.ToInt64(head, 8);
        if (nameLength is < 0 or > 4096 || capacity < 0)
        {
            throw new RingProtocolException($"ring: bad shared-memory offer ({nameLength} byte name, {capacity} floats)");
        }

        var rest = new byte[nameLength + NonceBytes];
        ReceiveAll(recv, rest);
        SharedPairChannel? channel = null;
        if (nameLength > 0 && allow)
        {
            try
            {
                channel = Open(Encoding.UTF8.GetString(rest, 0, nameLength), capacity, rest.AsSpan(nameLength, NonceBytes));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                channel = null;
            }
        }

        var ack = new byte[9];
        ack[0] = (byte)(channel is null ? 0 : 1);
        BitConverter.TryWriteBytes(ack.AsSpan(1, 8), tcpLimitBytes);
        SendAll(send, ack);
        return channel;
    }

    private static SharedPairChannel Create(string path, int capacityFloats, byte[] nonce)
    {
        // Preallocated: a tmpfs without room fails here with an IOException (and TCP is used), rather than with a
        // SIGBUS at the first write into a page the file system cannot supply.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite, PreallocationSize = Size(capacityFloats) };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var fs = new FileStream(path, options);
        try
        {
            fs.SetLength(Size(capacityFloats));
            fs.Write(nonce);
            fs.Flush();
            var mapped = MemoryMappedFile.CreateFromFile(fs, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            return new SharedPairChannel(mapped, 0, capacityFloats);
        }
        catch
        {
            fs.Dispose();
            TryDelete(path);
            throw;
        }
    }

    private static SharedPairChannel? Open(string path, int capacityFloats, ReadOnlySpan<byte> nonce)
    {
        var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            if (fs.Length != Size(capacityFloats))
            {
                fs.Dispose();
                return null;
            }

            var mapped = MemoryMappedFile.CreateFromFile(fs, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            var channel = new SharedPairChannel(mapped, 1, capacityFloats);
            if (!new ReadOnlySpan<byte>(channel._basePtr, NonceBytes).SequenceEqual(nonce))
            {
                channel.Dispose();
                return null; // same name, different file: not the same host or file system
            }

            return channel;
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover file in a temp directory is harmless.
        }
    }

    // The links are non-blocking (kept out of the socket engine, see PolledSocket): wait in poll(2), never spin on EAGAIN.
    private static void SendAll(Socket s, byte[] data) => PolledSocket.SendAll(s, data, PeerSockets.IoTimeout);

    private static void ReceiveAll(Socket s, byte[] data) => PolledSocket.ReceiveAll(s, data, PeerSockets.IoTimeout);
}
