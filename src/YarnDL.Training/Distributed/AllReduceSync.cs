using YarnDL.Training.Compute;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed;

/// <summary>Sums the buffer across ranks, then every rank applies the same optimizer step. With two ranks whose
/// ring can swap buffer ranges, the step is sharded instead: each rank receives the peer's gradient for its half
/// only (reduce-scatter), updates just that half of the weights and their optimizer state, and the halves are
/// swapped back (all-gather). The same bytes cross as in an all-reduce, the optimizer pass over the weights and
/// its moments is halved, and every weight gets the very same sum and arithmetic, so the result is bit-identical
/// to the unsharded step. Each rank then holds current moments for its half only; a checkpoint gathers them.</summary>
public sealed class AllReduceSync(IGradientReducer reducer) : IParameterSync
{
    private bool sharded;

    public int Rank => reducer.Rank;

    public int WorldSize => reducer.WorldSize;

    public bool IsSynchronous => true;

    public bool FetchIsCollective => sharded;

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

    public bool TrySumMetrics(float[] values)
    {
        reducer.AllReduceSum(values);
        return true;
    }

    public void FetchOptimizerState(float[] parameters, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!sharded || reducer is not RingAllReduce pair)
        {
            return;
        }

        var ((ms, mc), (ts, tc)) = (Own(pair.Rank, parameters.Length, parameters.Length), Own(1 - pair.Rank, parameters.Length, parameters.Length));
        pair.Exchange(optimizer.First, ms, mc, ts, tc, add: false);
        if (optimizer.Second.Length > 0)
        {
            pair.Exchange(optimizer.Second, ms, mc, ts, tc, add: false);
        }
    }

    public void Dispose() => reducer.Dispose();

    /// <summary>Rank 0 owns weights [0, p/2), rank 1 the rest and the control slots after the weights.</summary>
    private static (int Start, int Count) Own(int rank, int parameters, int length) =>
        rank == 0 ? (0, parameters / 2) : (parameters / 2, length - (parameters / 2));

    private void ShardedUpdate(RingAllReduce pair, float[] buffer, float[] parameters, Optimizer optimizer, IComputeBackend backend)
    {
        sharded = true;
        var p = parameters.Length;
        var (ms, mc) = Own(pair.Rank, p, buffer.Length);
        var (ts, tc) = Own(1 - pair.Rank, p, buffer.Length);

        // Reduce-scatter: my range now holds the sum over both ranks (control slots included on rank 1).
        pair.Exchange(buffer, ts, tc, ms, mc, add: true);
        var mw = Math.Min(ms + mc, p) - ms;
        optimizer.ApplyRange(backend, parameters, buffer, ms, mw);

        // All-gather: my updated weights (and on rank 1 the summed control slots) go out, the peer's come in.
        parameters.AsSpan(ms, mw).CopyTo(buffer.AsSpan(ms, mw));
        pair.Exchange(buffer, ms, mc, ts, tc, add: false);
        var tw = Math.Min(ts + tc, p) - ts;
        buffer.AsSpan(ts, tw).CopyTo(parameters.AsSpan(ts, tw));
    }
}
