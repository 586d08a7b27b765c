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

    /// <summary>Parameter-server mode with strategy ps (default sync).</summary>
    public PsMode PsMode { get; init; } = PsMode.Sync;

    /// <summary>train (default) or infer.</summary>
    public TrainerMode Mode { get; init; } = TrainerMode.Train;

    /// <summary>Checkpoint (local dir or hdfs://) whose weights start training, or that infer scores with.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Layer names kept fixed while training (mlp: hidden1, hidden2, output; cnn: conv, hidden, output).</summary>
    public string[] Freeze { get; init; } = [];

    /// <summary>Optimizer name (default <c>sgd</c>).</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>Momentum for SGD (default 0).</summary>
    public double Momentum { get; init; }

    /// <summary>Width of hidden layers (default 64).</summary>
    public int HiddenUnits { get; init; } = SpecDefaults.HiddenUnits;

    /// <summary>Random seed (default 42).</summary>
    public int Seed { get; init; } = SpecDefaults.Seed;

    /// <summary>auto (default), cuda or cpu.</summary>
    public TrainerBackend Backend { get; init; } = TrainerBackend.Auto;
}
