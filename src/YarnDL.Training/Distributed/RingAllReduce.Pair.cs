using YarnDL.Training.Distributed.Pair;

namespace YarnDL.Training.Distributed;

internal sealed partial class RingAllReduce
{
    /// <summary>Slot size offered for the shared-memory path: at least this, or the first buffer if larger.</summary>
    private const int SharedMinFloats = 1 << 18;

    /// <summary>Largest slot offered, 2^26 floats (256 MB; the file holds four slots): beyond it, TCP.</summary>
    private const int SharedMaxFloats = 1 << 26;

    private float[] _pairScratch = [];
    private long _pairLimitBytes;
    private bool _pairNegotiated;
    private SharedPairChannel? _shared;

    /// <summary>Whether the call posted last went to the shared slots (its <see cref="Take"/> reads them).</summary>
    private bool _posted;

    /// <summary>How two ranks exchange buffers: "shm" once both mapped the same file, else "tcp".</summary>
    public string PairTransport => _shared is null ? "tcp" : "shm";

    /// <summary>The shared file this rank offered, if any (tests check it is gone).</summary>
    internal string? SharedFilePath => _shared?.OfferedPath;

    /// <summary>False keeps two ranks on TCP (the YARNDL_RING_SHM=0 environment variable does the same); read at the
    /// first two-rank call.</summary>
    internal bool AllowSharedMemory { get; set; } = Environment.GetEnvironmentVariable("YARNDL_RING_SHM") != "0";

    /// <summary>Two ranks: each sends its whole buffer once (on the link to its right) and adds what arrives from its
    /// left. One exchange instead of the ring's reduce-scatter then all-gather, with the same bytes per rank: the
    /// second network round trip is gone. Float addition is commutative, so both ranks hold the same bits, and
    /// they equal the ring's (which also adds exactly one pair per element for two ranks).</summary>
    private void PairExchange(float[] buffer) =>
        AddInto(buffer, Swap(new Part(buffer, 0, buffer.Length), default, 0, buffer.Length));

    /// <summary>True when both ranks can call <see cref="Swap"/> with ranges inside [0, <paramref name="floats"/>): two
    /// ranks, and the ranges fit the shared slots or the TCP send-before-receive limit. Both ranks answer alike.</summary>
    internal bool CanExchange(int floats) => WorldSize == 2 && PairFits(floats);

    /// <summary>Two ranks swap ranges of index space [0, n) of arrays that share it (a gradient buffer and the
    /// weights, say): this rank sends its parts (in index order, not overlapping) and gets a view of the peer's
    /// values for [recvStart, +recvCount), which the peer covers with its parts. The view lives in the shared slot
    /// or a scratch buffer and stays valid until the next call. Reduce-scatter, all-gather and the all-reduce are
    /// all built from this.</summary>
    internal ReadOnlySpan<float> Swap(Part send0, Part send1, int recvStart, int recvCount)
    {
        Post(send0, send1, recvStart + recvCount);
        return Take(recvStart, recvCount);
    }

    /// <summary>The first half of a <see cref="Swap"/>: publishes this rank's parts and returns at once, so the rank
    /// can work until it needs the peer's values (<see cref="Take"/>, which must come next). <paramref name="recvEnd"/>
    /// is the end of the range the following <see cref="Take"/> asks for (it decides the path, as in a swap).</summary>
    internal void Post(Part send0, Part send1, int recvEnd)
    {
        try
        {
            var end = Math.Max(Math.Max(send0.Start + send0.Count, send1.Start + send1.Count), recvEnd);
            _posted = _shared is not null && end <= _shared.CapacityFloats;
            if (_posted)
            {
                _shared!.Post(send0, send1, _right);
                return;
            }

            if (send0.Count > 0)
            {
                SendAll(_right, send0.Array!, send0.Start, send0.Count);
            }

            if (send1.Count > 0)
            {
                SendAll(_right, send1.Array!, send1.Start, send1.Count);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The second half of a <see cref="Swap"/>: waits for the peer's values for [recvStart, +recvCount) of
    /// the call just posted; the view stays valid until the next call.</summary>
    internal ReadOnlySpan<float> Take(int recvStart, int recvCount)
    {
        try
        {
            if (_posted)
            {
                return _shared!.Take(recvStart, recvCount, _left);
            }

            if (_pairScratch.Length < recvCount)
            {
                _pairScratch = new float[recvCount];
            }

            ReceiveAll(_left, _pairScratch, 0, recvCount);
            return _pairScratch.AsSpan(0, recvCount);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>array[Start, +Count) as one piece of a <see cref="Swap"/>; default is an empty part.</summary>
    internal readonly record struct Part(float[]? Array, int Start, int Count)
    {
        public ReadOnlySpan<float> Span => Array is null ? default : Array.AsSpan(Start, Count);
    }

    /// <summary>Whether this call takes the two-rank exchange; both ranks answer alike (the limits were swapped).
    /// Over TCP, sending the whole buffer before receiving cannot deadlock while it fits the send buffers.</summary>
    private bool PairFits(int floats)
    {
        // Both ranks see the same lengths, so both (re)negotiate at the same call: first use, or a buffer that
        // outgrew the slots (a tiny first call must not pin the capacity).
        if (!_pairNegotiated || (_shared is not null && floats > _shared.CapacityFloats && floats <= SharedMaxFloats))
        {
            NegotiatePair(floats);
        }

        return (_shared is not null && floats <= _shared.CapacityFloats) || (long)floats * sizeof(float) <= _pairLimitBytes;
    }

    /// <summary>First two-rank call, on both ranks (so the links stay in step whatever either allows): rank 0 offers
    /// a mapped file, rank 1 answers whether it could open the very same file.</summary>
    private void NegotiatePair(int floats)
    {
        _pairNegotiated = true;
        if (_shared is not null)
        {
            _shared.Dispose();
            _shared = null;
        }

        // The kernel reports twice the payload a socket buffer holds, hence the half.
        var limit = Math.Min(_right.SendBufferSize, _left.ReceiveBufferSize) / 2;
        long peerLimit;
        if (Rank == 0)
        {
            var dir = !AllowSharedMemory ? null : Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
            _shared = SharedPairChannel.Offer(_right, _left, Math.Clamp(floats, SharedMinFloats, SharedMaxFloats), dir, limit, out peerLimit);
        }
        else
        {
            _shared = SharedPairChannel.Accept(_right, _left, AllowSharedMemory, limit, out peerLimit);
        }

        _pairLimitBytes = Math.Min(limit, peerLimit);
    }
}
