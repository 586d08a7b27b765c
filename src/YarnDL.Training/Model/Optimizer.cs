using YarnDL.Training.Compute;

namespace YarnDL.Training.Model;

/// <summary>SGD with momentum or Adam; its state (moments and step count) is part of every checkpoint.</summary>
internal sealed class Optimizer
{
    public Optimizer(OptimizerKind kind, int parameterCount, float learningRate, float momentum)
    {
        Kind = kind;
        LearningRate = learningRate;
        Momentum = momentum;
        First = new float[parameterCount];
        Second = kind == OptimizerKind.Adam ? new float[parameterCount] : [];
    }

    public OptimizerKind Kind { get; }

    public float LearningRate { get; }

    public float Momentum { get; }

    /// <summary>Velocity (SGD) or first moment (Adam).</summary>
    public float[] First { get; }

    /// <summary>Second moment (Adam only).</summary>
    public float[] Second { get; }

    /// <summary>Updates applied so far.</summary>
    public long Steps { get; set; }

    /// <summary>One step on the backend's mirrors of <paramref name="parameters"/>, <paramref name="gradient"/> (its first
    /// parameters.Length floats) and the moments: on a device backend the step runs there and its state stays there
    /// (<see cref="PullState"/> before reading <see cref="First"/> or <see cref="Second"/>, <see cref="PushState"/> after
    /// writing them).</summary>
    public void Apply(ITensorBackend tensors, float[] parameters, float[] gradient)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(parameters);
        Steps++;
        var p = parameters.Length;
        var w = tensors.Mirror(parameters).View(0, p);
        var g = tensors.Mirror(gradient).View(0, p);
        var first = tensors.Mirror(First).View(0, p);
        if (Kind == OptimizerKind.Adam)
        {
            tensors.Adam(w, g, first, tensors.Mirror(Second).View(0, p), LearningRate, 0.9f, 0.999f, 1e-8f, Steps);
        }
        else
        {
            tensors.SgdMomentum(w, g, first, LearningRate, Momentum);
        }
    }

    /// <summary>Copies the moments from the backend's mirrors into <see cref="First"/> and <see cref="Second"/>.</summary>
    public void PullState(ITensorBackend tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        tensors.Pull(First, 0, First.Length);
        tensors.Pull(Second, 0, Second.Length);
    }

    /// <summary>Copies <see cref="First"/> and <see cref="Second"/> into the backend's mirrors.</summary>
    public void PushState(ITensorBackend tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        tensors.Push(First, 0, First.Length);
        tensors.Push(Second, 0, Second.Length);
    }

    public void Apply(IComputeBackend backend, Span<float> parameters, ReadOnlySpan<float> gradient) =>
        ApplyRange(backend, parameters, gradient, 0, parameters.Length);

    /// <summary>One optimizer step for weights [start, start+count) only (the rest, and their state, are left as they
    /// are): a rank that owns a shard of the weights updates just that shard, with the same arithmetic.</summary>
    public void ApplyRange(IComputeBackend backend, Span<float> parameters, ReadOnlySpan<float> gradient, int start, int count)
    {
        Steps++;
        ApplySlice(backend, parameters, gradient, start, count);
    }

    /// <summary>The current step (already counted) for weights [start, start+count): a step applied slice by slice.</summary>
    internal void ApplySlice(IComputeBackend backend, Span<float> parameters, ReadOnlySpan<float> gradient, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var w = parameters.Slice(start, count);
        var g = gradient.Slice(start, count);
        if (Kind == OptimizerKind.Adam)
        {
            backend.Adam(w, g, First.AsSpan(start, count), Second.AsSpan(start, count), LearningRate, 0.9f, 0.999f, 1e-8f, Steps);
        }
        else
        {
            backend.SgdMomentum(w, g, First.AsSpan(start, count), LearningRate, Momentum);
        }
    }
}
