using System.Globalization;
using YarnDL.TaskProtocol;
using YarnDL.Training.Model;

namespace YarnDL.Training.Config;

/// <summary>Builds <see cref="TrainerOptions"/> from the task's <see cref="TrainerSettings"/> (YARNDL_TRAINER) and then
/// <c>--key value</c> flags (flags win). Keys are the contract's kebab-case names; an unknown key is an error.</summary>
internal static class TrainerOptionsParser
{
    /// <summary>Where flag errors say they came from.</summary>
    public const string FlagsSource = "--flags";

    public static TrainerOptions Parse(TrainerSettings? settings, IReadOnlyList<string> args)
    {
        var merged = (settings ?? new TrainerSettings()).Overlay(FromFlags(args));
        var o = Apply(new TrainerOptions(), merged);
        var errors = o.Validate();
        return errors.Count == 0 ? o : throw new TrainerConfigException(string.Join("; ", errors));
    }

    /// <summary>Reads the JSON of YARNDL_TRAINER (already decoded); null or blank means no settings.</summary>
    public static TrainerSettings? ParseJson(string? json, string source) =>
        string.IsNullOrWhiteSpace(json) ? null : TrainerSettings.Parse(json, source);

    /// <summary>The effective settings, every key present: what the trainer prints on its first line.</summary>
    public static TrainerSettings Effective(TrainerOptions o, string backend) => new()
    {
        Model = o.Model,
        Dataset = o.Dataset,
        Epochs = o.Epochs,
        BatchSize = o.BatchSize,
        LearningRate = o.LearningRate,
        Optimizer = o.Optimizer.ToString().ToLowerInvariant(),
        Momentum = o.Momentum,
        Strategy = o.Strategy,
        PsMode = o.PsMode,
        Mode = o.Mode,
        HiddenUnits = o.HiddenUnits,
        Seed = o.Seed,
        InitFrom = o.InitFrom,
        Freeze = o.Freeze,
        CheckpointEverySteps = o.CheckpointEverySteps,
        Backend = backend,
        TargetAccuracy = o.TargetAccuracy,
        Threads = o.Threads,
        SyntheticCount = o.SyntheticCount,
        DataDir = o.DataDir,
        TensorboardDir = o.TensorboardDir,
        PredictionsDir = o.PredictionsDir,
    };

    private static TrainerOptions Apply(TrainerOptions o, TrainerSettings s) => o with
    {
        Model = s.Model?.ToLowerInvariant() ?? o.Model,
        Dataset = s.Dataset?.ToLowerInvariant() ?? o.Dataset,
        Epochs = s.Epochs ?? o.Epochs,
        BatchSize = s.BatchSize ?? o.BatchSize,
        LearningRate = s.LearningRate is { } lr ? (float)lr : o.LearningRate,
        Optimizer = s.Optimizer is { } opt ? ParseOptimizer(opt) : o.Optimizer,
        Momentum = s.Momentum is { } m ? (float)m : o.Momentum,
        Strategy = s.Strategy?.ToLowerInvariant() ?? o.Strategy,
        PsMode = s.PsMode?.ToLowerInvariant() ?? o.PsMode,
        Mode = s.Mode?.ToLowerInvariant() ?? o.Mode,
        HiddenUnits = s.HiddenUnits ?? o.HiddenUnits,
        Seed = s.Seed ?? o.Seed,
        InitFrom = s.InitFrom ?? o.InitFrom,
        Freeze = s.Freeze ?? o.Freeze,
        CheckpointEverySteps = s.CheckpointEverySteps ?? o.CheckpointEverySteps,
        Backend = s.Backend?.ToLowerInvariant() ?? o.Backend,
        TargetAccuracy = s.TargetAccuracy ?? o.TargetAccuracy,
        Threads = s.Threads ?? o.Threads,
        SyntheticCount = s.SyntheticCount ?? o.SyntheticCount,
        DataDir = s.DataDir ?? o.DataDir,
        TensorboardDir = s.TensorboardDir ?? o.TensorboardDir,
        PredictionsDir = s.PredictionsDir ?? o.PredictionsDir,
    };

    private static TrainerSettings FromFlags(IReadOnlyList<string> args)
    {
        var s = new TrainerSettings();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new TrainerConfigException($"expected '--key value', got '{args[i]}'");
            }

            var key = args[i][2..];
            var v = args[++i];
            s = key switch
            {
                "model" => s with { Model = v },
                "dataset" => s with { Dataset = v },
                "epochs" => s with { Epochs = Int(key, v) },
                "batch-size" => s with { BatchSize = Int(key, v) },
                "learning-rate" => s with { LearningRate = Dbl(key, v) },
                "optimizer" => s with { Optimizer = v },
                "momentum" => s with { Momentum = Dbl(key, v) },
                "strategy" => s with { Strategy = v },
                "ps-mode" => s with { PsMode = v },
                "mode" => s with { Mode = v },
                "hidden-units" => s with { HiddenUnits = Int(key, v) },
                "seed" => s with { Seed = (ulong)Int(key, v) },
                "init-from" => s with { InitFrom = v },
                "freeze" => s with { Freeze = [.. v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "checkpoint-every-steps" => s with { CheckpointEverySteps = Int(key, v) },
                "backend" => s with { Backend = v },
                "target-accuracy" => s with { TargetAccuracy = Dbl(key, v) },
                "threads" => s with { Threads = Int(key, v) },
                "synthetic-count" => s with { SyntheticCount = Int(key, v) },
                "data-dir" => s with { DataDir = v },
                "tensorboard-dir" => s with { TensorboardDir = v },
                "predictions-dir" => s with { PredictionsDir = v },
                _ => throw new TrainerSettingsException(FlagsSource, key, $"unknown key '{key}' (known: {string.Join(", ", TrainerSettings.Keys)})"),
            };
        }

        return s;
    }

    private static OptimizerKind ParseOptimizer(string v) => v.ToLowerInvariant() switch
    {
        "adam" => OptimizerKind.Adam,
        "sgd" => OptimizerKind.Sgd,
        _ => throw new TrainerConfigException($"optimizer '{v}' is not supported (supported: sgd, adam)"),
    };

    private static int Int(string key, string v) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) ? x : throw new TrainerConfigException($"{key}: '{v}' is not an integer");

    private static double Dbl(string key, string v) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : throw new TrainerConfigException($"{key}: '{v}' is not a number");
}
