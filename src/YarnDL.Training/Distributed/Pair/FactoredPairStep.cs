using System.Diagnostics;
using YarnDL.Training.Compute;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed.Pair;

/// <summary>The optimizer step of two ranks for a model with a factored dense layer (<see cref="IFactoredModel"/>).
/// Instead of swapping whole gradients, each rank sends the peer its layer inputs for the peer's rows and its output
/// deltas (a fraction of the bytes), then the small gradients of the other layers. Rank 0 computes the layer's weight
/// gradient for rows [0, split) over the whole global batch, rank 1 for the rest; each updates just those rows (both
/// update the small layers, identically), and the updated rows are swapped back.
/// <para>Three exchanges a step, each posted as soon as its data exist and taken only when needed, so a rank a
/// little ahead works instead of waiting: the factors (posted before the backward pass goes on below the layer,
/// taken after it), the small gradients (taken after the update of this rank's rows) and the updated rows (taken
/// by the next forward pass, after the layers before the factored one).</para>
/// <para>A row's gradient is one product over the global batch, rank 0's examples first, whichever rank computes
/// it, so the split can follow the two CPUs' speed from step to step without changing a bit of the result. Both
/// ranks derive the next split from the same exchanged timings, and the moments of rows that change hands travel
/// with the next factors.</para></summary>
internal sealed class FactoredPairStep(RingAllReduce pair, FactoredLayer layer, float[] parameters, Optimizer optimizer) : IFactorExchange
{
    /// <summary>After the small gradients and control slots: this rank's busy time and per-row cost of its last
    /// step (µs), not summed.</summary>
    private const int TimingSlots = 2;

    /// <summary>At most this many rows change hands per step, so one noisy step cannot swing the split far.</summary>
    private const int MaxMove = 16;

    private readonly int _layerEnd = layer.Offset + layer.Length;
    private readonly int _parameterCount = parameters.Length;
    private float[] _staging = [];
    private float[] _stackedInputs = [];
    private float[] _stackedDeltas = [];
    private LayerFactors _factors;
    private bool _factorsPosted;
    private bool _rowsPosted;

    /// <summary>Rank 0's rows in the last update (the moments are current for the rows each rank owned then).</summary>
    private int _owned = layer.Inputs / 2;

    /// <summary>Rank 0's rows in the next update.</summary>
    private int _next = layer.Inputs / 2;
    private double _busy;
    private double _rowCost;
    private double _waited;

    /// <summary>Smoothed busy-time gap (rank 0 minus rank 1, µs), the same on both ranks.</summary>
    private double _gap;

    /// <summary>Tests: the split (rank 0's rows) to move towards after the given step instead of the timed one (moves
    /// stay bounded); both ranks must agree.</summary>
    internal Func<long, int>? SplitOverride { get; init; }

    /// <summary>Rank 0's rows for the next update (tests and the log).</summary>
    internal int Split => _next;

    /// <summary>Steps after which the split moved (tests).</summary>
    internal int SplitMoves { get; private set; }

    private int Rank => pair.Rank;

    /// <summary>Whether factors beat gradients for this layer and batch: the most a rank ever sends in one exchange is
    /// at most half the layer (what the sharded step would send of it), so it also fits wherever the buffer does.</summary>
    public static bool Pays(FactoredLayer layer, int parameterCount, int bufferLength, int globalBatch)
    {
        var share = (long)globalBatch - (globalBatch / 2);
        var least = layer.Inputs / 8;
        var small = (long)layer.Offset + (bufferLength - (layer.Offset + layer.Length)) + TimingSlots;
        var factors = (share * (layer.Inputs - least)) + (share * layer.Outputs) + (2L * MaxMove * layer.Outputs);
        return globalBatch >= 2 && layer.Inputs >= 8 && layer.Offset + layer.Length <= parameterCount &&
            Math.Max(factors, small) <= layer.Length / 2;
    }

    public void WeightsNeeded() => TakeRows(timed: true);

    public void FactorsReady(LayerFactors batchFactors)
    {
        if (_factorsPosted)
        {
            throw new InvalidOperationException("factors posted twice in one step");
        }

        _factors = batchFactors;
        var outputs = layer.Outputs;
        var mine = batchFactors.Count;
        var (peerLo, peerRows) = Rows(1 - Rank, _next);
        var (giveLo, giveRows) = Moved(_owned, _next, Rank);
        var count = (mine * peerRows) + (mine * outputs) + (2 * giveRows * outputs);
        Grow(ref _staging, count);
        for (var e = 0; e < mine; e++)
        {
            batchFactors.Activations.AsSpan((e * layer.Inputs) + peerLo, peerRows).CopyTo(_staging.AsSpan(e * peerRows));
        }

        var at = mine * peerRows;
        batchFactors.Deltas.AsSpan(0, mine * outputs).CopyTo(_staging.AsSpan(at));
        at += mine * outputs;
        optimizer.First.AsSpan(layer.Offset + (giveLo * outputs), giveRows * outputs).CopyTo(_staging.AsSpan(at));
        if (optimizer.Second.Length > 0)
        {
            optimizer.Second.AsSpan(layer.Offset + (giveLo * outputs), giveRows * outputs).CopyTo(_staging.AsSpan(at + (giveRows * outputs)));
        }

        Post(_staging, 0, count);
        _factorsPosted = true;
    }

    /// <summary>The rest of the step, after the model's pass posted the factors: the gradient of this rank's rows, the
    /// small gradients' sum, the update, and the updated rows posted to the peer.</summary>
    public void Update(float[] buffer, int globalBatch, long started, IComputeBackend backend)
    {
        if (!_factorsPosted)
        {
            throw new InvalidOperationException("the model's pass did not hand over its factors");
        }

        _factorsPosted = false;
        var (n0, n1) = (globalBatch / 2, globalBatch - (globalBatch / 2));
        var (mine, theirs) = Rank == 0 ? (n0, n1) : (n1, n0);
        if (_factors.Count != mine)
        {
            throw new ArgumentException($"rank {Rank} computed factors of {_factors.Count} examples; its share of the global batch {globalBatch} is {mine}", nameof(globalBatch));
        }

        var outputs = layer.Outputs;
        var split = _next;
        var (myLo, myRows) = Rows(Rank, split);
        var (takeLo, takeRows) = Moved(_owned, split, 1 - Rank);

        // The layer's gradient for my rows over the whole global batch, rank 0's examples first: one product whose
        // every element is the same chain of multiply-adds whichever rank computes its row.
        var rowsStart = Stopwatch.GetTimestamp();
        var batch = n0 + n1;
        var (mineAt, theirsAt) = Rank == 0 ? (0, mine) : (theirs, 0);
        Grow(ref _stackedInputs, batch * myRows);
        Grow(ref _stackedDeltas, batch * outputs);
        for (var e = 0; e < mine; e++)
        {
            _factors.Activations.AsSpan((e * layer.Inputs) + myLo, myRows).CopyTo(_stackedInputs.AsSpan((mineAt + e) * myRows));
        }

        _factors.Deltas.AsSpan(0, mine * outputs).CopyTo(_stackedDeltas.AsSpan(mineAt * outputs));
        var waitedBefore = _waited;
        var received = Take(0, (theirs * myRows) + (theirs * outputs) + (2 * takeRows * outputs));
        var takeWait = _waited - waitedBefore;
        received[..(theirs * myRows)].CopyTo(_stackedInputs.AsSpan(theirsAt * myRows));
        received.Slice(theirs * myRows, theirs * outputs).CopyTo(_stackedDeltas.AsSpan(theirsAt * outputs));
        var moments = received[((theirs * myRows) + (theirs * outputs))..];
        moments[..(takeRows * outputs)].CopyTo(optimizer.First.AsSpan(layer.Offset + (takeLo * outputs)));
        if (optimizer.Second.Length > 0)
        {
            moments[(takeRows * outputs)..].CopyTo(optimizer.Second.AsSpan(layer.Offset + (takeLo * outputs)));
        }

        var rows = buffer.AsSpan(layer.Offset + (myLo * outputs), myRows * outputs);
        backend.Gemm(true, false, myRows, outputs, batch, _stackedInputs.AsSpan(0, batch * myRows), _stackedDeltas.AsSpan(0, batch * outputs), rows, 0f);

        var small = layer.Offset + (buffer.Length - _layerEnd);
        Grow(ref _staging, small + TimingSlots);
        buffer.AsSpan(0, layer.Offset).CopyTo(_staging);
        buffer.AsSpan(_layerEnd).CopyTo(_staging.AsSpan(layer.Offset));
        _staging[small] = (float)_busy;
        _staging[small + 1] = (float)_rowCost;
        Post(_staging, 0, small + TimingSlots);
        optimizer.Steps++;
        optimizer.ApplySlice(backend, parameters, buffer, layer.Offset + (myLo * outputs), myRows * outputs);
        var rowsEnd = Stopwatch.GetTimestamp();

        var peerSmall = Take(0, small + TimingSlots);
        RingAllReduce.AddInto(buffer.AsSpan(0, layer.Offset), peerSmall[..layer.Offset]);
        RingAllReduce.AddInto(buffer.AsSpan(_layerEnd), peerSmall.Slice(layer.Offset, small - layer.Offset));
        var (myBusy, myCost, peerBusy, peerCost) = (_staging[small], _staging[small + 1], peerSmall[small], peerSmall[small + 1]);
        optimizer.ApplySlice(backend, parameters, buffer, 0, layer.Offset);
        optimizer.ApplySlice(backend, parameters, buffer, _layerEnd, _parameterCount - _layerEnd);

        _owned = split;
        // Balanced only where a row's bits are known not to depend on which rows one product covers (the CPU GEMM:
        // tested); elsewhere the split stays where it started.
        var balance = backend is Compute.Cpu.CpuBackend || SplitOverride is not null;
        _next = !balance ? split
            : Rank == 0 ? NextSplit(optimizer.Steps, split, myBusy, myCost, peerBusy, peerCost) : NextSplit(optimizer.Steps, split, peerBusy, peerCost, myBusy, myCost);
        SplitMoves += _next != split ? 1 : 0;

        // My updated rows to the peer; theirs are taken when the next forward pass needs them.
        Post(parameters, layer.Offset + (myLo * outputs), myRows * outputs);
        _rowsPosted = true;

        // What this step cost me, waits left out (the eval between steps too: it is timed from the model call).
        _busy = Math.Max(0, Stopwatch.GetElapsedTime(started).TotalMicroseconds - _waited);
        _waited = 0;
        _rowCost = myRows > 0 ? (Stopwatch.GetElapsedTime(rowsStart, rowsEnd).TotalMicroseconds - takeWait) / myRows : 0;
    }

    /// <summary>Takes the updated rows still on their way, if any (before the weights are read outside a step, and
    /// before any other exchange).</summary>
    public void Settle() => TakeRows(timed: false);

    /// <summary>Sends this rank's moments of the factored rows it owns and takes the peer's, so that both hold the
    /// whole optimizer state (a checkpoint); a collective.</summary>
    public void GatherMoments()
    {
        Settle();
        var outputs = layer.Outputs;
        var (myLo, myRows) = Rows(Rank, _owned);
        var (peerLo, peerRows) = Rows(1 - Rank, _owned);
        foreach (var state in optimizer.Second.Length > 0 ? [optimizer.First, optimizer.Second] : new[] { optimizer.First })
        {
            pair.Swap(new RingAllReduce.Part(state, layer.Offset + (myLo * outputs), myRows * outputs), default, layer.Offset + (peerLo * outputs), peerRows * outputs)
                .CopyTo(state.AsSpan(layer.Offset + (peerLo * outputs)));
        }
    }

    /// <summary>Takes the peer's updated rows if they are on their way; a wait inside a step is left out of its busy time.</summary>
    private void TakeRows(bool timed)
    {
        if (!_rowsPosted)
        {
            return;
        }

        _rowsPosted = false;
        var (peerLo, peerRows) = Rows(1 - Rank, _owned);
        var at = layer.Offset + (peerLo * layer.Outputs);
        Take(at, peerRows * layer.Outputs, timed).CopyTo(parameters.AsSpan(at));
    }

    /// <summary>The peer's values of the call posted last; the wait counts against this step's busy time when timed.</summary>
    private ReadOnlySpan<float> Take(int start, int count, bool timed = true)
    {
        var t = Stopwatch.GetTimestamp();
        var view = pair.Take(start, count);
        _waited += timed ? Stopwatch.GetElapsedTime(t).TotalMicroseconds : 0;
        return view;
    }

    /// <summary>Posts this rank's part of the next exchange. Every exchange of the step stays inside the parameter
    /// count, so both ranks pick the same path (shared slots or TCP) for it whatever each sends.</summary>
    private void Post(float[] array, int start, int count) =>
        pair.Post(new RingAllReduce.Part(array, start, count), default, _parameterCount);

    /// <summary>The rows rank <paramref name="rank"/> owns when rank 0 has <paramref name="split"/>.</summary>
    private (int Start, int Count) Rows(int rank, int split) => rank == 0 ? (0, split) : (split, layer.Inputs - split);

    /// <summary>The rows <paramref name="from"/> owned at split <paramref name="before"/> and no longer at <paramref name="after"/>.</summary>
    private static (int Start, int Count) Moved(int before, int after, int from) => from == 0
        ? (after, Math.Max(0, before - after))
        : (before, Math.Max(0, after - before));

    /// <summary>Rank 0's rows for the next step, from both ranks' last busy times and per-row costs (the same numbers
    /// on both ranks, so both choose alike): a smoothed gap, and a quarter of its worth in rows moved to the less busy
    /// rank once it exceeds the noise of a step.</summary>
    private int NextSplit(long step, int split, float busy0, float cost0, float busy1, float cost1)
    {
        int move;
        if (SplitOverride is { } target)
        {
            move = split - target(step);
        }
        else
        {
            var cost = (double)cost0 + cost1;
            if (busy0 <= 0 || busy1 <= 0 || !(cost > 0))
            {
                return split;
            }

            _gap = (0.75 * _gap) + (0.25 * ((double)busy0 - busy1));
            if (Math.Abs(_gap) < 0.02 * (busy0 + busy1))
            {
                return split;
            }

            move = (int)Math.Round(0.25 * _gap / cost);
        }

        var least = layer.Inputs / 8;
        return Math.Clamp(split - Math.Clamp(move, -MaxMove, MaxMove), least, layer.Inputs - least);
    }

    private static void Grow(ref float[] array, int length)
    {
        if (array.Length < length)
        {
            array = new float[length];
        }
    }
}
