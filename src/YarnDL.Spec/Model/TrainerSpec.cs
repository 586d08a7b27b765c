namespace YarnDL.Spec.Model;

/// <summary>The built-in trainer and its hyper-parameters.</summary>
public sealed record TrainerSpec
{
    /// <summary>Model name (e.g. <c>mlp</c>).</summary>
    public required string Model { get; init; }

    /// <summary>Dataset name (e.g. <c>digits</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Training epochs (default 10).</summary>
    public int Epochs { get; init; } = SpecDefaults.Epochs;

    /// <summary>Per-worker mini-batch size (default 64).</summary>
    public int BatchSize { get; init; } = SpecDefaults.BatchSize;

    /// <summary>Learning rate (default 0.05).</summary>
    public double LearningRate { get; init; } = SpecDefaults.LearningRate;

    /// <summary>Gradient exchange strategy.</summary>
    public TrainingStrategy Strategy { get; init; } = TrainingStrategy.Allreduce;

    /// <summary>Optimizer name (default <c>sgd</c>).</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>Momentum for SGD (default 0).</summary>
    public double Momentum { get; init; }

    /// <summary>Width of hidden layers (default 64).</summary>
    public int HiddenUnits { get; init; } = SpecDefaults.HiddenUnits;

    /// <summary>Random seed (default 42).</summary>
    public int Seed { get; init; } = SpecDefaults.Seed;
}
