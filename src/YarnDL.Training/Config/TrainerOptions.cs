using YarnDL.Training.Model;

namespace YarnDL.Training.Config;

/// <summary>Trainer settings; defaults in <see cref="TrainerDefaults"/>. Keys are kebab-case in JSON and on the command line.</summary>
internal sealed record TrainerOptions
{
    public string Model { get; init; } = TrainerDefaults.Model;

    public string Dataset { get; init; } = TrainerDefaults.Dataset;

    public int Epochs { get; init; } = TrainerDefaults.Epochs;

    /// <summary>Global batch, split evenly across ranks.</summary>
    public int BatchSize { get; init; } = TrainerDefaults.BatchSize;

    public float LearningRate { get; init; } = TrainerDefaults.LearningRate;

    public OptimizerKind Optimizer { get; init; } = TrainerDefaults.Optimizer;

    public float Momentum { get; init; } = TrainerDefaults.Momentum;

    /// <summary>allreduce (ring over the ranked tasks) or ps (parameter-server tasks own the weights).</summary>
    public string Strategy { get; init; } = TrainerDefaults.Strategy;

    /// <summary>With strategy ps: sync (one update per step from all workers, deterministic) or async.</summary>
    public string PsMode { get; init; } = TrainerDefaults.PsMode;

    public ulong Seed { get; init; } = TrainerDefaults.Seed;

    /// <summary>Stop at the end of the first epoch whose test accuracy reaches this; null trains all epochs.</summary>
    public double? TargetAccuracy { get; init; }

    public int Threads { get; init; } = TrainerDefaults.Threads;

    /// <summary>Width of the hidden layers.</summary>
    public int HiddenUnits { get; init; } = TrainerDefaults.HiddenUnits;

    /// <summary>Chief writes a checkpoint every N steps (0: only at the end and on request).</summary>
    public int CheckpointEverySteps { get; init; }

    /// <summary>Examples in the synthetic data set.</summary>
    public int SyntheticCount { get; init; } = TrainerDefaults.SyntheticCount;

    public string? DataDir { get; init; }

    /// <summary>auto (CUDA when the container was given GPUs, else the managed CPU kernels), cuda or cpu; see <see cref="BackendSelector"/>.</summary>
    public string Backend { get; init; } = TrainerDefaults.Backend;

    /// <summary>train, or infer (score this task's shard of the data set with the checkpoint, write predictions CSV).</summary>
    public string Mode { get; init; } = TrainerDefaults.Mode;

    /// <summary>Checkpoint location (local dir or hdfs://) whose weights start a fresh run (transfer learning).</summary>
    public string? InitFrom { get; init; }

    /// <summary>Layer names whose parameters stay fixed (see <c>IModel.Layers</c>).</summary>
    public IReadOnlyList<string> Freeze { get; init; } = [];

    /// <summary>Directory for TensorBoard event files (written by rank 0); null writes none.</summary>
    public string? TensorboardDir { get; init; }

    /// <summary>infer mode: directory for predictions-NNNNN.csv (default: ./predictions).</summary>
    public string? PredictionsDir { get; init; }

    /// <summary>All violations at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, Model is "mlp" or "cnn", $"model '{Model}' is not supported (supported: mlp, cnn)");
        Check(errors, Dataset is "digits" or "synthetic" or "fashion-mnist", $"dataset '{Dataset}' is not supported (supported: digits, fashion-mnist, synthetic)");
        Check(errors, Mode is "train" or "infer", $"mode '{Mode}' is not supported (supported: train, infer)");
        Check(errors, Epochs > 0, "epochs must be > 0");
        Check(errors, BatchSize > 0, "batch-size must be > 0");
        Check(errors, LearningRate > 0, "learning-rate must be > 0");
        Check(errors, Momentum is >= 0 and < 1, "momentum must be in [0, 1)");
        Check(errors, Strategy is "allreduce" or "ps", $"strategy '{Strategy}' is not supported (supported: allreduce, ps)");
        Check(errors, PsMode is "sync" or "async", $"ps-mode '{PsMode}' is not supported (supported: sync, async)");
        Check(errors, TargetAccuracy is null or (> 0 and <= 1), "target-accuracy must be in (0, 1]");
        Check(errors, Threads > 0, "threads must be > 0");
        Check(errors, HiddenUnits > 0, "hidden-units must be > 0");
        Check(errors, CheckpointEverySteps >= 0, "checkpoint-every-steps must be >= 0");
        Check(errors, Backend is "auto" or "cuda" or "cpu", $"backend '{Backend}' is not supported (supported: auto, cuda, cpu)");
        return errors;
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
