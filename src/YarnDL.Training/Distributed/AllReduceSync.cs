using System.Runtime.CompilerServices;
using YarnDL.Training.Compute;
using YarnDL.Training.Distributed.Pair;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed;

/// <summary>Sums the buffer across ranks, then every rank applies the same optimizer step. With two ranks whose
/// ring can swap buffer ranges, the step is sharded instead: each rank receives the peer's gradient for its half
/// only (reduce-scatter), updates just that half of the weights and their optimizer state, and the halves are
/// swapped back (all-gather). The same bytes cross as in an all-reduce, the optimizer pass over the weights and
/// its moments is halved, and every weight gets the very same sum and arithmetic, so the result is bit-identical
/// to the unsharded step. Each rank then holds current moments for its half only; a checkpoint gathers them.</summary>
internal sealed class AllReduceSync(IGradientReducer reducer) : IParameterSync, IFactoredSync
{
    /// <summary>Floats summed and stepped at a time: gradient, weights and both moments of a chunk stay in L1.</summary>
    private const int FusedChunk = 2048;

    private bool _sharded;
    private bool _resident;
    private FactoredPairStep? _factored;

    public int Rank => reducer.Rank;

    public int WorldSize => reducer.WorldSize;

    public bool IsSynchronous => true;

    public bool FetchIsCollective => _sharded;

    /// <summary>For the log: how the ranks exchange (ring, or two ranks over shared memory or TCP) and whether the
    /// optimizer step is sharded (known after the first update).</summary>
    public string Description => reducer switch
    {
        RingAllReduce { WorldSize: 2 } ring => $"exchange=pair-{ring.PairTransport} optimizer={Optimizer}",
        RingAllReduce => $"exchange=ring optimizer={Optimizer}",
        _ => $"exchange=none optimizer={Optimizer}",
    };

    /// <summary>How each rank steps: factored (two ranks, a factored layer), sharded (two ranks), resident (whole, on the
    /// device that holds the weights) or whole.</summary>
    public string Optimizer => _factored is not null ? "factored" : _sharded ? "sharded" : _resident ? "resident" : "whole";

    public void Start(float[] parameters, Optimizer optimizer)
    {
    }

    public void Update(float[] buffer, float[] parameters, Optimizer optimizer, IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (reducer is RingAllReduce pair && buffer.Length > parameters.Length && parameters.Length >= 2 && pair.CanExchange(buffer.Length))
        {
            ShardedUpdate(pair, buffer, parameters, optimizer, backend);
            return;
        }

        reducer.AllReduceSum(buffer);
        optimizer.Apply(backend, parameters, buffer.AsSpan(0, parameters.Length));
    }

    /// <summary>True when a GPU-resident step must bring the gradient to the host: there are other ranks to sum it
    /// with. One rank keeps it on the device (<see cref="UpdateOnDevice"/>).</summary>
    public bool SumsOnHost => reducer.WorldSize > 1;

    /// <summary>The step of a GPU-resident model on one rank: there is nothing to sum, so the gradient stays in the
    /// device mirror of <paramref name="buffer"/> where the model computed it, and the optimizer steps the
    /// device-resident weights and moments with it there. Nothing crosses; the control slots stay on the host.</summary>
    public void UpdateOnDevice(float[] buffer, float[] parameters, Optimizer optimizer, ITensorBackend tensors)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(tensors);
        if (SumsOnHost)
        {
            throw new InvalidOperationException($"rank {Rank} of {WorldSize}: a gradient that stays on the device cannot be summed across ranks; use UpdateResident");
        }

        _resident = true;
        optimizer.Apply(tensors, parameters, buffer);
    }

    /// <summary>The step of a GPU-resident model of several ranks: the gradient (already copied out of the device into
    /// <paramref name="buffer"/>, page-locked staging memory on a device backend) is summed across ranks on the host in
    /// that very memory, the sum goes back into the buffer's device mirror, and the optimizer steps the device-resident
    /// weights and moments there. Nothing else crosses.</summary>
    public void UpdateResident(float[] buffer, float[] parameters, Optimizer optimizer, ITensorBackend tensors)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(tensors);
        _resident = true;
        reducer.AllReduceSum(buffer);
        tensors.Push(buffer, 0, parameters.Length);
        optimizer.Apply(tensors, parameters, buffer);
    }

    /// <summary>Tests: the split schedule of the factored step (see <see cref="FactoredPairStep.SplitOverride"/>).</summary>
    internal Func<long, int>? FactoredSplitOverride { get; init; }

    /// <summary>Rank 0's rows of the factored layer for the next step; -1 when not factored.</summary>
    internal int FactoredSplit => _factored?.Split ?? -1;

    /// <summary>Steps after which the factored split moved (tests).</summary>
    internal int FactoredSplitMoves => _factored?.SplitMoves ?? 0;

    /// <summary>False keeps a factored model on the sharded step (tests compare the two).</summary>
    internal bool AllowFactored { get; init; } = true;

    public bool CanFactor(FactoredLayer layer, int parameterCount, int bufferLength, int globalBatch) =>
        AllowFactored && reducer is RingAllReduce pair && layer.Offset >= 0 && bufferLength > parameterCount &&
        FactoredPairStep.Pays(layer, parameterCount, bufferLength, globalBatch) && pair.CanExchange(bufferLength);

    public IFactorExchange StartFactored(FactoredLayer layer, float[] parameters, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        _sharded = true;
        _factored = new FactoredPairStep((RingAllReduce)reducer, layer, parameters, optimizer) { SplitOverride = FactoredSplitOverride };
        return _factored;
    }

    public void UpdateFactored(float[] buffer, int globalBatch, long started, IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        (_factored ?? throw new InvalidOperationException("StartFactored was not called")).Update(buffer, globalBatch, started, backend);
    }

    public void Settle() => _factored?.Settle();

    public bool TrySumMetrics(float[] values)
    {
        Settle();
        reducer.AllReduceSum(values);
        return true;
    }

    public void FetchOptimizerState(float[] parameters, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!_sharded || reducer is not RingAllReduce pair)
        {
            return;
        }

        if (_factored is not null)
        {
            _factored.GatherMoments();
            return;
        }

        var p = parameters.Length;
        var ((ms, mc), (ts, tc)) = (Own(pair.Rank, p, p), Own(1 - pair.Rank, p, p));
        foreach (var state in optimizer.Second.Length > 0 ? [optimizer.First, optimizer.Second] : new[] { optimizer.First })
        {
            pair.Swap(new(state, ms, mc), default, ts, tc).CopyTo(state.AsSpan(ts, tc));
        }
    }

    public void Dispose() => reducer.Dispose();

    /// <summary>Rank 0 owns weights [0, p/2), rank 1 the rest and the control slots after the weights.</summary>
    private static (int Start, int Count) Own(int rank, int parameters, int length) =>
        rank == 0 ? (0, parameters / 2) : (parameters / 2, length - (parameters / 2));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ShardedUpdate(RingAllReduce pair, float[] buffer, float[] parameters, Optimizer optimizer, IComputeBackend backend)
    {
        _sharded = true;
        var p = parameters.Length;
        var (ms, mc) = Own(pair.Rank, p, buffer.Length);
        var (ts, tc) = Own(1 - pair.Rank, p, buffer.Length);

        // Reduce-scatter: the peer's gradient for my range (rank 1's range ends with the control slots). The sum and
        // the optimizer step go together a cache-sized chunk at a time, so the summed gradient is never written back
        // to memory and read again.
        var peer = pair.Swap(new(buffer, ts, tc), default, ms, mc);
        optimizer.Steps++;
        var chunk = backend is Compute.Cpu.CpuBackend ? FusedChunk : mc;
        for (var c = 0; c < mc; c += chunk)
        {
            var n = Math.Min(chunk, mc - c);
            RingAllReduce.AddInto(buffer.AsSpan(ms + c, n), peer.Slice(c, n));
            var w = Math.Min(ms + c + n, p) - (ms + c);
            if (w > 0)
            {
                optimizer.ApplySlice(backend, parameters, buffer, ms + c, w);
            }
        }

        // All-gather: my updated weights (and, from rank 1, the summed control slots) straight from where they are
        // to where the peer keeps them.
        var mw = Math.Min(ms + mc, p) - ms;
        var tw = Math.Min(ts + tc, p) - ts;
        var control = new RingAllReduce.Part(buffer, ms + mw, mc - mw);
        var theirs = pair.Swap(new(parameters, ms, mw), control, ts, tc);
        theirs[..tw].CopyTo(parameters.AsSpan(ts, tw));
        theirs[tw..].CopyTo(buffer.AsSpan(ts + tw, tc - tw));
    }
}
