using YarnDL.Training.Distributed;
using YarnDL.Training.Model;

namespace YarnDL.Training.Session;

/// <summary>What a run fixes before its first step: the model and optimizer as resumed, the batch geometry of this
/// rank, the buffer the ranks sum and the way a step is synchronised.</summary>
internal sealed class TrainingPlan
{
    public required IModel Model { get; init; }

    public required Optimizer Optimizer { get; init; }

    /// <summary>Layers whose gradient is cleared before the sum (transfer learning).</summary>
    public required List<LayerSlice> Frozen { get; init; }

    /// <summary>The step the run starts at (non-zero when resumed from a checkpoint).</summary>
    public required long FirstStep { get; init; }

    /// <summary>Set when weights and moments stay on the device and the sync updates them there.</summary>
    public required AllReduceSync? Resident { get; init; }

    /// <summary>Set when the gradient never leaves the device: resident on one rank, nothing to sum.</summary>
    public required bool GradientOnDevice { get; init; }

    /// <summary>Whether any rank writes checkpoints (only then is a sharded optimizer state gathered for one).</summary>
    public required bool AnyWriter { get; init; }

    /// <summary>Examples per step over all ranks.</summary>
    public required int GlobalBatch { get; init; }

    public required int StepsPerEpoch { get; init; }

    public required long TotalSteps { get; init; }

    /// <summary>Gradient (one float per parameter), then the <see cref="StepControl"/> slots.</summary>
    public required float[] Buffer { get; init; }

    /// <summary>This rank's examples of a step: [Lo, Hi) of the global batch.</summary>
    public required int Lo { get; init; }

    public required int Hi { get; init; }

    /// <summary>What the loss and gradient are divided by: the global batch in synchronous modes (the ranks' gradients
    /// are summed), this rank's share for an asynchronous push (a step on its own).</summary>
    public required int Share { get; init; }

    /// <summary>Null unless the strategy can take factored steps (its <see cref="IFactoredSync.Settle"/> is still
    /// called before the weights are read).</summary>
    public required IFactoredSync? FactoredSync { get; init; }

    /// <summary>Set when steps exchange the factored layer's factors instead of its gradient.</summary>
    public required IFactoredModel? FactoredModel { get; init; }

    public required IFactorExchange? Exchange { get; init; }

    public int ParameterCount => Model.Parameters.Length;

    /// <summary>The slots after the gradient.</summary>
    public Span<float> ControlSlots => Buffer.AsSpan(ParameterCount, StepControl.Slots);
}
