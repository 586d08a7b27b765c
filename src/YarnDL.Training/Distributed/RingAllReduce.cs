using System.Net;
using System.Net.Sockets;

namespace YarnDL.Training.Distributed;

/// <summary>Synchronous ring all-reduce over TCP. The buffer's first half travels clockwise and the second half
/// counter-clockwise, so both directions of every link are busy; each half is reduce-scattered then all-gathered
/// in pieces, a piece being forwarded as soon as it is reduced (pipelined). Sums follow a fixed order: results are
/// deterministic for a given world size, and identical on every rank.</summary>
public sealed partial class RingAllReduce : IGradientReducer
{
    internal const int PieceFloats = 256 * 1024;
    private readonly Socket right;
    private readonly Socket left;
    private readonly float[] scratchCw = new float[PieceFloats];
    private readonly float[] scratchCcw = new float[PieceFloats];
    private readonly DedicatedWorker clockwiseWorker = new("ring-cw");
    private readonly DedicatedWorker clockwiseSender = new("ring-cw-send");
    private readonly DedicatedWorker counterSender = new("ring-ccw-send");

    private RingAllReduce(int rank, int worldSize, Socket right, Socket left)
    {
        Rank = rank;
        WorldSize = worldSize;
        this.right = right;
        this.left = left;
    }

    public int Rank { get; }

    public int WorldSize { get; }

    /// <summary>Joins the ring: accepts rank−1 on <paramref name="listener"/> (bound and listening) and connects to rank+1.</summary>
    public static async Task<RingAllReduce> ConnectAsync(int rank, IReadOnlyList<EndPoint> peers, Socket listener, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var world = peers.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(world, 2, nameof(peers));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var acceptTask = AcceptPrevAsync(listener, (rank + world - 1) % world, cts.Token);
        var rightSocket = await ConnectNextAsync(peers[(rank + 1) % world], rank, cts.Token);
        try
        {
            var leftSocket = await acceptTask;
            return new RingAllReduce(rank, world, rightSocket, leftSocket);
        }
        catch
        {
            rightSocket.Dispose();
            throw;
        }
    }

    public void AllReduceSum(float[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var half = buffer.Length / 2;
        var ccwPos = (WorldSize - Rank) % WorldSize;
        try
        {
            if (WorldSize == 2 && PairFits(buffer.Length))
            {
                PairExchange(buffer);
                return;
            }

            if ((buffer.Length / 2 / WorldSize) + 1 <= SmallChunkFloats)
            {
                SmallPasses(buffer, half, ccwPos);
                return;
            }

            clockwiseWorker.Start(() => Pass(buffer, 0, half, right, left, Rank, scratchCw, clockwiseSender));
            Pass(buffer, half, buffer.Length - half, left, right, ccwPos, scratchCcw, counterSender);
            clockwiseWorker.Join();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        right.Dispose();
        left.Dispose();
        shared?.Dispose();
        clockwiseWorker.Dispose();
        clockwiseSender.Dispose();
        counterSender.Dispose();
    }

    private static async Task<Socket> AcceptPrevAsync(Socket listener, int expectedRank, CancellationToken ct)
    {
        var s = await listener.AcceptAsync(ct);
        var hello = new byte[4];
        await s.ReceiveAsync(hello.AsMemory(), SocketFlags.None, ct);
        var got = BitConverter.ToInt32(hello);
        if (got != expectedRank)
        {
            s.Dispose();
            throw new RingProtocolException($"ring: expected rank {expectedRank} on the left link, got {got}");
        }

        PeerSockets.Tune(s);
        return s;
    }

    private static async Task<Socket> ConnectNextAsync(EndPoint next, int rank, CancellationToken ct)
    {
        while (true)
        {
            var s = await PeerSockets.ConnectAsync(next, ct);
            try
            {
                await s.SendAsync(BitConverter.GetBytes(rank).AsMemory(), SocketFlags.None, ct);
                return s;
            }
            catch (SocketException) when (!ct.IsCancellationRequested)
            {
                s.Dispose(); // the peer went away between accept and hello: connect again
            }
            catch
            {
                s.Dispose();
                throw;
            }
        }
    }
}
