using YarnDL.Training.Compute;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed;

/// <summary>Sums the buffer across ranks, then every rank applies the same optimizer step locally.</summary>
public sealed class AllReduceSync(IGradientReducer reducer) : IParameterSync
{
    public int Rank => reducer.Rank;

    public int WorldSize => reducer.WorldSize;

    public bool IsSynchronous => true;

    public void Start(float[] parameters, Optimizer optimizer)
    {
    }

    public void Update(float[] buffer, float[] parameters, Optimizer optimizer, IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
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
    }

    public void Dispose() => reducer.Dispose();
}
