using System.Text.Json;

namespace YarnDL.TaskProtocol;

/// <summary>What the built-in trainer is told to do: the AM writes one per trial (the trial's values applied) into
/// <see cref="TaskEnv.TrainerConfig"/>; a person running the trainer by hand may write one too. Keys are job.yaml's
/// kebab-case names (<c>hidden-units</c>, <c>batch-size</c>); an absent key keeps the trainer's default. A key the
/// trainer does not know is refused by <see cref="Parse"/>, never ignored.</summary>
public sealed record TrainerSettings
{
    /// <summary>mlp or cnn.</summary>
    public string? Model { get; init; }

    /// <summary>digits, fashion-mnist or synthetic.</summary>
    public string? Dataset { get; init; }

    public int? Epochs { get; init; }

    /// <summary>Global batch, split evenly across the ranks.</summary>
    public int? BatchSize { get; init; }

    public double? LearningRate { get; init; }

    /// <summary>sgd or adam.</summary>
    public string? Optimizer { get; init; }

    public double? Momentum { get; init; }

    /// <summary>allreduce or ps.</summary>
    public string? Strategy { get; init; }

    /// <summary>sync or async (with strategy ps).</summary>
    public string? PsMode { get; init; }

    /// <summary>train or infer.</summary>
    public string? Mode { get; init; }

    /// <summary>Width of the hidden layers.</summary>
    public int? HiddenUnits { get; init; }

    public ulong? Seed { get; init; }

    /// <summary>Checkpoint (local dir or hdfs://) whose weights start training, or that infer scores with.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Layer names kept fixed while training.</summary>
    public IReadOnlyList<string>? Freeze { get; init; }

    /// <summary>The chief checkpoints every this many steps (0: only at the end and on request).</summary>
    public int? CheckpointEverySteps { get; init; }

    /// <summary>auto, cuda or cpu as asked; in the trainer's <c>settings:</c> line, the backend it runs.</summary>
    public string? Backend { get; init; }

    /// <summary>Stop at the end of the first epoch whose test accuracy reaches this.</summary>
    public double? TargetAccuracy { get; init; }

    /// <summary>GEMM threads of the managed CPU kernels.</summary>
    public int? Threads { get; init; }

    /// <summary>Examples in the synthetic data set.</summary>
    public int? SyntheticCount { get; init; }

    public string? DataDir { get; init; }

    /// <summary>Directory for TensorBoard event files (rank 0).</summary>
    public string? TensorboardDir { get; init; }

    /// <summary>infer: directory for predictions-NNNNN.csv.</summary>
    public string? PredictionsDir { get; init; }

    /// <summary>Every key this contract knows, in declaration order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. TrainerSettingsJson.Default.TrainerSettings.Properties.Select(p => p.Name)];

    /// <summary>One JSON object, kebab-case keys, unset keys left out.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TrainerSettingsJson.Default.TrainerSettings);

    /// <summary>Reads settings from <paramref name="source"/> (an env variable's name, for messages).</summary>
    /// <exception cref="TrainerSettingsException">Not a JSON object, an unknown key, or a value of the wrong type.</exception>
    public static TrainerSettings Parse(string json, string source)
    {
        try
        {
            using (var doc = JsonDocument.Parse(json))
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new TrainerSettingsException(source, null, $"expected a JSON object, got {doc.RootElement.ValueKind}");
                }

                foreach (var p in doc.RootElement.EnumerateObject().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
                {
                    throw new TrainerSettingsException(source, p.Name, $"unknown key '{p.Name}' (known: {string.Join(", ", Keys)})");
                }
            }

            return JsonSerializer.Deserialize(json, TrainerSettingsJson.Default.TrainerSettings)
                ?? throw new TrainerSettingsException(source, null, "expected a JSON object, got null");
        }
        catch (JsonException e)
        {
            var key = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            throw new TrainerSettingsException(source, key, key is null ? $"not valid JSON: {e.Message}" : $"'{key}' has a value of the wrong type");
        }
    }

    /// <summary><paramref name="over"/>'s set keys replace this one's.</summary>
    public TrainerSettings Overlay(TrainerSettings over) => new()
    {
        Model = over.Model ?? Model,
        Dataset = over.Dataset ?? Dataset,
        Epochs = over.Epochs ?? Epochs,
        BatchSize = over.BatchSize ?? BatchSize,
        LearningRate = over.LearningRate ?? LearningRate,
        Optimizer = over.Optimizer ?? Optimizer,
        Momentum = over.Momentum ?? Momentum,
        Strategy = over.Strategy ?? Strategy,
        PsMode = over.PsMode ?? PsMode,
        Mode = over.Mode ?? Mode,
        HiddenUnits = over.HiddenUnits ?? HiddenUnits,
        Seed = over.Seed ?? Seed,
        InitFrom = over.InitFrom ?? InitFrom,
        Freeze = over.Freeze ?? Freeze,
        CheckpointEverySteps = over.CheckpointEverySteps ?? CheckpointEverySteps,
        Backend = over.Backend ?? Backend,
        TargetAccuracy = over.TargetAccuracy ?? TargetAccuracy,
        Threads = over.Threads ?? Threads,
        SyntheticCount = over.SyntheticCount ?? SyntheticCount,
        DataDir = over.DataDir ?? DataDir,
        TensorboardDir = over.TensorboardDir ?? TensorboardDir,
        PredictionsDir = over.PredictionsDir ?? PredictionsDir,
    };
}
