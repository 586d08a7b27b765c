namespace YarnDL.Training.Distributed;

public sealed partial class RingAllReduce
{
    /// <summary>Slot size offered for the shared-memory path: at least this, or the first buffer if larger.</summary>
    private const int SharedMinFloats = 1 << 18;

    /// <summary>Largest slot offered, 2^26 floats (256 MB; the file holds four slots): beyond it, TCP.</summary>
    private const int SharedMaxFloats = 1 << 26;

    private float[] pairScratch = [];
    private long pairLimitBytes;
    private bool pairNegotiated;
    private SharedPairChannel? shared;

    /// <summary>How two ranks exchange buffers: "shm" once both mapped the same file, else "tcp".</summary>
    public string PairTransport => shared is null ? "tcp" : "shm";

    /// <summary>False keeps two ranks on TCP (the YARNDL_RING_SHM=0 environment variable does the same); read at the
    /// first two-rank call.</summary>
    internal bool AllowSharedMemory { get; set; } = Environment.GetEnvironmentVariable("YARNDL_RING_SHM") != "0";

    /// <summary>Two ranks: each sends its whole buffer once (on the link to its right) and adds what arrives from its
    /// left. One exchange instead of the ring's reduce-scatter then all-gather, with the same bytes per rank: the
    /// second network round trip is gone. Float addition is commutative, so both ranks hold the same bits, and
    /// they equal the ring's (which also adds exactly one pair per element for two ranks).</summary>
    private void PairExchange(float[] buffer) => Exchange(buffer, 0, buffer.Length, 0, buffer.Length, add: true);

    /// <summary>True when both ranks can call <see cref="Exchange"/> on buffers of <paramref name="floats"/>: two ranks,
    /// and the buffer fits the shared slots or the TCP send-before-receive limit. Both ranks answer alike.</summary>
    internal bool CanExchange(int floats) => WorldSize == 2 && PairFits(floats);

    /// <summary>Two ranks swap ranges of a buffer: this rank sends buffer[sendStart, +sendCount) and receives the peer's
    /// [recvStart, +recvCount), adding it in place or overwriting. The peer calls with the ranges mirrored.
    /// Summing both halves of a buffer this way is a reduce-scatter; sending back one's own half an all-gather.</summary>
    internal void Exchange(float[] buffer, int sendStart, int sendCount, int recvStart, int recvCount, bool add)
    {
        try
        {
            if (shared is not null && Math.Max(sendStart + sendCount, recvStart + recvCount) <= shared.CapacityFloats)
            {
                var peer = shared.Exchange(buffer, sendStart, sendCount, recvStart, recvCount, right, left);
                if (add)
                {
                    AddInto(buffer.AsSpan(recvStart, recvCount), peer);
                }
                else
                {
                    peer.CopyTo(buffer.AsSpan(recvStart, recvCount));
                }

                return;
            }

            shared?.Settle(left);
            SendAll(right, buffer, sendStart, sendCount);
            if (add)
            {
                if (pairScratch.Length < recvCount)
                {
                    pairScratch = new float[recvCount];
                }

                ReceiveAll(left, pairScratch, 0, recvCount);
                AddInto(buffer.AsSpan(recvStart, recvCount), pairScratch.AsSpan(0, recvCount));
            }
            else
            {
                ReceiveAll(left, buffer, recvStart, recvCount);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Whether this call takes the two-rank exchange; both ranks answer alike (the limits were swapped).
    /// Over TCP, sending the whole buffer before receiving cannot deadlock while it fits the send buffers.</summary>
    private bool PairFits(int floats)
    {
        // Both ranks see the same lengths, so both (re)negotiate at the same call: first use, or a buffer that
        // outgrew the slots (a tiny first call must not pin the capacity).
        if (!pairNegotiated || (shared is not null && floats > shared.CapacityFloats && floats <= SharedMaxFloats))
        {
            NegotiatePair(floats);
        }

        return (shared is not null && floats <= shared.CapacityFloats) || (long)floats * sizeof(float) <= pairLimitBytes;
    }

    /// <summary>First two-rank call, on both ranks (so the links stay in step whatever either allows): rank 0 offers
    /// a mapped file, rank 1 answers whether it could open the very same file.</summary>
    private void NegotiatePair(int floats)
    {
        pairNegotiated = true;
        if (shared is not null)
        {
            shared.Settle(left);
            shared.Dispose();
            shared = null;
        }

        // The kernel reports twice the payload a socket buffer holds, hence the half.
        var limit = Math.Min(right.SendBufferSize, left.ReceiveBufferSize) / 2;
        long peerLimit;
        if (Rank == 0)
        {
            var dir = !AllowSharedMemory ? null : Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
            shared = SharedPairChannel.Offer(right, left, Math.Clamp(floats, SharedMinFloats, SharedMaxFloats), dir, limit, out peerLimit);
        }
        else
        {
            shared = SharedPairChannel.Accept(right, left, AllowSharedMemory, limit, out peerLimit);
        }

        pairLimitBytes = Math.Min(limit, peerLimit);
    }
}
