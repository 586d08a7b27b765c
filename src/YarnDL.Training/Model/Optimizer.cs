using YarnDL.Training.Compute;

namespace YarnDL.Training.Model;

/// <summary>SGD with momentum or Adam; its state (moments and step count) is part of every checkpoint.</summary>
public sealed class Optimizer
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

    public void Apply(IComputeBackend backend, Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        Steps++;
        if (Kind == OptimizerKind.Adam)
        {
            backend.Adam(parameters, gradient, First, Second, LearningRate, 0.9f, 0.999f, 1e-8f, Steps);
        }
        else
        {
            backend.SgdMomentum(parameters, gradient, First, LearningRate, Momentum);
        }
    }
}
