using System.Runtime.CompilerServices;
using System.IO.MemoryMappedFiles;
using System.Net.Sockets;

namespace YarnDL.Training.Distributed.Pair;

/// <summary>Data path of a two-rank ring whose ranks share a file system (same host, same /dev/shm): each rank
/// writes its parts into its own slot of a mapped file and publishes a call count; the peer spins briefly on that
/// count and reads the slot. Per call that is one copy in and one read, and no system call while the two ranks
/// keep pace. A rank that would wait longer says so in the header and sleeps in a TCP receive on the ring's
/// link; the writer that finds it asleep claims the wake-up (compare-and-swap, so exactly one of the two does)
/// and rings one byte. The link thus still carries timeouts and failure detection and never holds a stray
/// bell. Two slots per rank, used in turn: a rank writes slot s%2 for call s only after it saw the peer's count
/// for call s−1, which the peer publishes only after it finished reading slot (s−2)%2.</summary>
internal sealed unsafe partial class SharedPairChannel : IDisposable
{
    /// <summary>Nonce in the first cache line, then per rank a line with its published call count and a line with
    /// the call it sleeps for (0: awake).</summary>
    private const int HeaderBytes = 384;

    /// <summary>How long a rank spins on the peer's call count before it sleeps in the TCP receive of the bell: 2 ms,
    /// a few steps of a small model. Both ranks do the same work, but on shared or virtual CPUs one of them is often
    /// a few hundred microseconds late (0.1 ms let a third of a digits run's steps fall asleep), and each wake-up
    /// costs tens of microseconds more. Spinning takes no CPU the rank could use: it is the compute thread
    /// waiting, and it yields its CPU every few microseconds in case the peer needs it.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 500;
    private const int NonceBytes = 16;
    private const int HelloBytes = 16;
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _basePtr;
    private readonly int _rank;
    private readonly byte[] _bellOut = new byte[1];
    private readonly byte[] _bellIn = new byte[1];
    private long _calls;
    private bool _disposed;

    private SharedPairChannel(MemoryMappedFile file, int rank, int capacityFloats)
    {
        _file = file;
        _rank = rank;
        CapacityFloats = capacityFloats;
        _view = file.CreateViewAccessor(0, Size(capacityFloats), MemoryMappedFileAccess.ReadWrite);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _basePtr = p + _view.PointerOffset;
        Prefault();
    }

    /// <summary>The file rank 0 offered (unlinked once both sides mapped it); null on rank 1.</summary>
    public string? OfferedPath { get; private set; }

    /// <summary>Largest buffer (floats) the slots hold; longer calls take the TCP path.</summary>
    public int CapacityFloats { get; }

    /// <summary>Publishes the parts (each at its own offset of the slot, which mirrors buffer indices) and returns the
    /// peer's values for [recvStart, +recvCount) of the same call, valid until this rank posts its next call. All ranges
    /// must lie inside <see cref="CapacityFloats"/>.</summary>
    public ReadOnlySpan<float> Swap(RingAllReduce.Part send0, RingAllReduce.Part send1, int recvStart, int recvCount, Socket right, Socket left)
    {
        Post(send0, send1, right);
        return Take(recvStart, recvCount, left);
    }

    /// <summary>The publishing half of <see cref="Swap"/>: the parts go into this rank's slot for the next call and
    /// the call count is published (ringing the peer if it sleeps); <see cref="Take"/> must follow.</summary>
    public void Post(RingAllReduce.Part send0, RingAllReduce.Part send1, Socket right)
    {
        var slot = (int)(_calls & 1);
        var call = ++_calls;
        var box = Box(_rank, slot);
        send0.Span.CopyTo(new Span<float>(box + send0.Start, send0.Count));
        send1.Span.CopyTo(new Span<float>(box + send1.Start, send1.Count));
        Volatile.Write(ref *Count(_rank), call); // release: the slot's contents are visible before the count
        Interlocked.MemoryBarrier(); // the count is visible before the peer's sleep flag is read (and vice versa)
        var peerSleeps = Sleeping(1 - _rank);
        if (Volatile.Read(ref *peerSleeps) == call && Interlocked.CompareExchange(ref *peerSleeps, 0, call) == call)
        {
            _bellOut[0] = (byte)call;
            SendAll(right, _bellOut);
        }
    }

    /// <summary>The receiving half of <see cref="Swap"/> for the call posted last: the peer's values for
    /// [recvStart, +recvCount), valid until this rank posts its next call (the peer may then reuse the slot).</summary>
    public ReadOnlySpan<float> Take(int recvStart, int recvCount, Socket left)
    {
        var call = _calls;
        var slot = (int)((call - 1) & 1);
        WaitFor(call, left);
        return new ReadOnlySpan<float>(Box(1 - _rank, slot) + recvStart, recvCount);
    }

    /// <summary>Returns once the peer published <paramref name="call"/>: spinning first, then asleep on the bell.</summary>
    private void WaitFor(long call, Socket left)
    {
        if (SpinFor(call))
        {
            return;
        }

        var sleeps = Sleeping(_rank);
        Volatile.Write(ref *sleeps, call);
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref *Count(1 - _rank)) >= call && Interlocked.CompareExchange(ref *sleeps, 0, call) == call)
        {
            return; // published meanwhile, and the wake-up is ours: no bell comes
        }

        ReceiveBell(left, (byte)call); // the peer claimed the wake-up: its bell is on the way
        if (Volatile.Read(ref *Count(1 - _rank)) < call)
        {
            throw new RingProtocolException($"ring: peer rang for call {call} without publishing it");
        }
    }

    /// <summary>Maps every page of the slots now, during setup, instead of in the first swaps of training: this
    /// rank's own slots written (zeros, nobody else writes them), the peer's read.</summary>
    private void Prefault()
    {
        const int floatsPerPage = 4096 / sizeof(float);
        for (var slot = 0; slot < 2; slot++)
        {
            new Span<float>(Box(_rank, slot), CapacityFloats).Clear();
            var peer = Box(1 - _rank, slot);
            for (long i = 0; i < CapacityFloats; i += floatsPerPage)
            {
                _ = Volatile.Read(ref peer[i]);
            }
        }
    }

    /// <summary>Spins until the peer has published call <paramref name="call"/> or the spin budget is spent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SpinFor(long call)
    {
        var peer = Count(1 - _rank);
        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
        while (true)
        {
            for (var i = 0; i < 64; i++)
            {
                if (Volatile.Read(ref *peer) >= call)
                {
                    return true; // acquire: the peer's slot is visible
                }

                Thread.SpinWait(8);
            }

            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            // If the peer waits for this very CPU (more runnable threads than CPUs), let it run.
            Thread.Yield();
        }
    }

    private void ReceiveBell(Socket left, byte expected)
    {
        ReceiveAll(left, _bellIn);
        if (_bellIn[0] != expected)
        {
            throw new RingProtocolException($"ring: peer rang for call {_bellIn[0]} during call {expected} (mod 256)");
        }
    }

    private long* Count(int owner) => (long*)(_basePtr + 64 + (owner * 64));

    private long* Sleeping(int owner) => (long*)(_basePtr + 192 + (owner * 64));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    private static long Size(int capacityFloats) => HeaderBytes + (4L * capacityFloats * sizeof(float));

    private float* Box(int owner, int slot) => (float*)(_basePtr + HeaderBytes + ((((owner * 2) + slot) * (long)CapacityFloats) * sizeof(float)));
}
