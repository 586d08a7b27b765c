using System.Net;
using System.Net.Sockets;

namespace YarnDL.Training.Distributed;

/// <summary>
/// Non-blocking socket I/O that waits in poll(2) on the calling thread. A socket that never sees an async call stays
/// out of .NET's epoll engine; once one has, every packet that arrives wakes the engine thread and a thread-pool
/// worker (which then spins in sched_yield), and every blocking call is emulated through them: on a busy ring that
/// costs more CPU than the copies. The ring's links are therefore set up and driven only through these helpers.
/// </summary>
internal static class PolledSocket
{
    /// <summary>Longest single wait while a cancellation token is watched (connect, accept, hello).</summary>
    private static readonly TimeSpan CancelCheck = TimeSpan.FromMilliseconds(50);

    /// <summary>Sends every byte; waits up to <paramref name="timeout"/> each time the link is full.</summary>
    public static void SendAll(Socket s, ReadOnlySpan<byte> bytes, TimeSpan timeout)
    {
        while (bytes.Length > 0)
        {
            var n = s.Send(bytes, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                Wait(s, SelectMode.SelectWrite, timeout);
                continue;
            }

            ThrowIfFailed(error);
            bytes = bytes[n..];
        }
    }

    /// <summary>Fills <paramref name="bytes"/>; waits up to <paramref name="timeout"/> each time nothing has arrived.</summary>
    public static void ReceiveAll(Socket s, Span<byte> bytes, TimeSpan timeout) =>
        ReceiveAll(s, bytes, timeout, "ring: peer closed the connection during all-reduce", CancellationToken.None);

    /// <summary>Fills <paramref name="bytes"/>, giving up when <paramref name="ct"/> is cancelled.</summary>
    public static void ReceiveAll(Socket s, Span<byte> bytes, CancellationToken ct) =>
        ReceiveAll(s, bytes, Timeout.InfiniteTimeSpan, "ring: peer closed the connection while joining", ct);

    /// <summary>Connects a new non-blocking socket, retrying while nobody listens at <paramref name="peer"/> yet.</summary>
    public static Socket Connect(EndPoint peer, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var s = new Socket(peer.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                StartConnect(s, peer);
                WaitCancellable(s, SelectMode.SelectWrite, ct);
                if ((int)s.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)! != 0)
                {
                    throw new SocketException((int)SocketError.ConnectionRefused); // SO_ERROR set: the connect failed
                }

                return s;
            }
            catch (SocketException) when (!ct.IsCancellationRequested)
            {
                s.Dispose();
                ct.WaitHandle.WaitOne(CancelCheck); // not listening yet: try again shortly
            }
            catch
            {
                s.Dispose();
                throw;
            }
        }
    }

    /// <summary>Accepts one connection on <paramref name="listener"/>; the accepted socket is non-blocking.</summary>
    public static Socket Accept(Socket listener, CancellationToken ct)
    {
        WaitCancellable(listener, SelectMode.SelectRead, ct);
        var s = listener.Accept();
        s.Blocking = false;
        return s;
    }

    private static void ReceiveAll(Socket s, Span<byte> bytes, TimeSpan timeout, string closed, CancellationToken ct)
    {
        while (bytes.Length > 0)
        {
            var n = s.Receive(bytes, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                if (ct.CanBeCanceled)
                {
                    WaitCancellable(s, SelectMode.SelectRead, ct);
                }
                else
                {
                    Wait(s, SelectMode.SelectRead, timeout);
                }

                continue;
            }

            ThrowIfFailed(error);
            if (n == 0)
            {
                throw new RingProtocolException(closed);
            }

            bytes = bytes[n..];
        }
    }

    private static void StartConnect(Socket s, EndPoint peer)
    {
        try
        {
            s.Connect(peer);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            // completes in the background; poll(2) for writability says when
        }
    }

    private static void Wait(Socket s, SelectMode mode, TimeSpan timeout)
    {
        if (!s.Poll(timeout, mode))
        {
            throw new SocketException((int)SocketError.TimedOut);
        }
    }

    private static void WaitCancellable(Socket s, SelectMode mode, CancellationToken ct)
    {
        while (!s.Poll(CancelCheck, mode))
        {
            ct.ThrowIfCancellationRequested();
        }
    }

    private static void ThrowIfFailed(SocketError error)
    {
        if (error != SocketError.Success)
        {
            throw new SocketException((int)error);
        }
    }
}
