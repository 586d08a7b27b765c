using System.Globalization;
using System.Text.Json;
using YarnDL.Training.Model;

namespace YarnDL.Training.Config;

/// <summary>Builds <see cref="TrainerOptions"/> from YARNDL_TRAINER JSON, then YARNDL_HPARAMS JSON, then <c>--key value</c> flags
/// (later sources win). Keys match case- and separator-insensitively: batch-size, batch_size, batchSize.</summary>
public static class TrainerOptionsParser
{
    public static TrainerOptions Parse(string? trainerJson, string? hparamsJson, IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        AddJson(values, trainerJson, "YARNDL_TRAINER");
        AddJson(values, hparamsJson, "YARNDL_HPARAMS");
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new TrainerConfigException($"expected '--key value', got '{args[i]}'");
            }

            values[Normalize(args[i][2..])] = args[++i];
        }

        var o = new TrainerOptions();
        foreach (var (key, v) in values)
        {
            o = key switch
            {
                "model" => o with { Model = v.ToLowerInvariant() },
                "dataset" => o with { Dataset = v.ToLowerInvariant() },
                "epochs" => o with { Epochs = Int(key, v) },
                "batchsize" => o with { BatchSize = Int(key, v) },
                "learningrate" or "lr" => o with { LearningRate = (float)Dbl(key, v) },
                "optimizer" => o with { Optimizer = ParseOptimizer(v) },
                "momentum" => o with { Momentum = (float)Dbl(key, v) },
                "strategy" => o with { Strategy = v.ToLowerInvariant() },
                "psmode" => o with { PsMode = v.ToLowerInvariant() },
                "seed" => o with { Seed = (ulong)Int(key, v) },
                "targetaccuracy" => o with { TargetAccuracy = Dbl(key, v) },
                "threads" => o with { Threads = Int(key, v) },
                "hidden" => o with { Hidden = Int(key, v) },
                "checkpointevery" => o with { CheckpointEvery = Int(key, v) },
                "syntheticcount" => o with { SyntheticCount = Int(key, v) },
                "datadir" => o with { DataDir = v },
                "backend" => o with { Backend = v.ToLowerInvariant() },
                "mode" => o with { Mode = v.ToLowerInvariant() },
                "initfrom" => o with { InitFrom = v },
                "freeze" => o with { Freeze = ParseList(key, v) },
                "tensorboarddir" or "logdir" => o with { TensorboardDir = v },
                "predictionsdir" => o with { PredictionsDir = v },
                _ => o, // unknown hyper-parameters belong to other programs; ignore them
            };
        }

        var errors = o.Validate();
        return errors.Count == 0 ? o : throw new TrainerConfigException(string.Join("; ", errors));
    }

    private static string Normalize(string key) => key.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static void AddJson(Dictionary<string, string> values, string? json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                values[Normalize(p.Name)] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new TrainerConfigException($"{source} is not a JSON object: {e.Message}");
        }
    }

    /// <summary>A JSON array of strings, or a comma-separated list.</summary>
    private static string[] ParseList(string key, string v)
    {
        if (!v.TrimStart().StartsWith('['))
        {
            return [.. v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        try
        {
            using var doc = JsonDocument.Parse(v);
            return [.. doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? throw new TrainerConfigException($"{key}: null layer name"))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new TrainerConfigException($"{key}: '{v}' is not a list of layer names: {e.Message}");
        }
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
