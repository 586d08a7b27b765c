using YarnDL.Training.Compute;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed;

/// <summary>How a rank turns its gradient into the next weights: all-reduce then a local optimizer step, or a push to
/// parameter servers that own the weights and the optimizer state.</summary>
internal interface IParameterSync : IDisposable
{
    int Rank { get; }

    int WorldSize { get; }

    /// <summary>True when every rank sees the same summed buffer (gradient and control slots) each step.</summary>
    bool IsSynchronous { get; }

    /// <summary>Called once after a resume: rank 0 publishes its weights and optimizer state, the others adopt them.</summary>
    void Start(float[] parameters, Optimizer optimizer);

    /// <summary><paramref name="buffer"/> = gradient (parameters.Length) then control slots. On return
    /// <paramref name="parameters"/> hold the updated weights; in synchronous modes the control slots hold the sum over ranks.</summary>
    void Update(float[] buffer, float[] parameters, Optimizer optimizer, IComputeBackend backend);

    /// <summary>Sums a few metric values (e.g. correct-prediction counts) across ranks in place, so the test set can be
    /// evaluated in shards; false when this strategy cannot (then every rank evaluates the whole set).</summary>
    bool TrySumMetrics(float[] values);

    /// <summary>Brings <paramref name="optimizer"/> (moments, step count) up to date before a checkpoint.</summary>
    void FetchOptimizerState(float[] parameters, Optimizer optimizer);

    /// <summary>True when <see cref="FetchOptimizerState"/> is a collective: every rank must call it at the same step
    /// (the optimizer state is sharded over the ranks), not only the one that writes the checkpoint.</summary>
    bool FetchIsCollective => false;
}
