using ILGPU.Runtime;

namespace YarnDL.Training.Compute.Ilgpu;

/// <summary>Page-locked staging: host arrays that cross every step are allocated pinned and page-locked for the
/// accelerator (registered with the CUDA driver on CUDA), so the copies between them and their mirrors run as DMA
/// straight from and into the array that the host code (the ring all-reduce) reads and writes: no bounce buffer.</summary>
internal sealed partial class IlgpuTensors
{
    private readonly Dictionary<float[], PageLockedArray1D<float>> _pageLocked = new(ReferenceEqualityComparer.Instance);
    private long _pageLockedBytes;

    /// <summary>The part of <see cref="BytesToDevice"/> and <see cref="BytesToHost"/> copied straight between
    /// page-locked staging arrays and the device.</summary>
    public long BytesPageLocked => Interlocked.Read(ref _pageLockedBytes);

    /// <summary>A page-locked array of <paramref name="length"/> floats (zeroed) that the backend mirrors like any other.
    /// A <see cref="Push"/> from it is queued on the accelerator's stream and returns at once: the pushed range must
    /// not be written again before a <see cref="Pull"/> (which waits for the stream).</summary>
    public float[] AllocateStaging(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var locked = _accelerator.AllocatePageLocked1D<float>(length, uninitialized: false);
        _owned.Add(locked);
        var array = locked.GetArray();
        _pageLocked.Add(array, locked);
        return array;
    }

    /// <summary>Queues host[start, start+count) into the mirror's same range when <paramref name="host"/> is page-locked
    /// staging; false (nothing copied) when it is not.</summary>
    private bool TryCopyInPageLocked(float[] host, int start, int count, DeviceTensor mirror)
    {
        if (!_pageLocked.TryGetValue(host, out var locked))
        {
            return false;
        }

        if (count > 0)
        {
            DeviceTensor.Of(mirror.View(start, count)).CopyFrom(_accelerator.DefaultStream, locked.ArrayView.SubView(start, count));
            Interlocked.Add(ref _toDevice, (long)count * sizeof(float));
            Interlocked.Add(ref _pageLockedBytes, (long)count * sizeof(float));
        }

        return true;
    }

    /// <summary>Copies the mirror's [start, start+count) into page-locked <paramref name="host"/> after the work queued
    /// before it, and waits for it; false (nothing copied) when <paramref name="host"/> is not page-locked staging.</summary>
    private bool TryCopyOutPageLocked(float[] host, int start, int count, DeviceTensor mirror)
    {
        if (!_pageLocked.TryGetValue(host, out var locked))
        {
            return false;
        }

        if (count > 0)
        {
            DeviceTensor.Of(mirror.View(start, count)).CopyTo(_accelerator.DefaultStream, locked.ArrayView.SubView(start, count));
            _accelerator.DefaultStream.Synchronize();
            Interlocked.Add(ref _toHost, (long)count * sizeof(float));
            Interlocked.Add(ref _pageLockedBytes, (long)count * sizeof(float));
        }

        return true;
    }
}
