using System.Globalization;
using YarnDL.Spec.Model;

namespace YarnDL.Spec.Sweep;

/// <summary>Which names a sweep may vary and how a value lands in the trainer settings.</summary>
public static class SweepParameters
{
    /// <summary>Trainer keys a sweep may vary.</summary>
    public static readonly IReadOnlyList<string> TrainerKeys =
        ["batch-size", "epochs", "hidden-units", "learning-rate", "momentum", "optimizer", "seed"];

    /// <summary>Allowed names for <paramref name="spec"/>; null means any name (command jobs get them as env vars).</summary>
    public static IReadOnlyList<string>? Known(JobSpec spec) => spec.Trainer is null ? null : TrainerKeys;

    /// <summary>Env var through which a command job sees a parameter (<c>learning-rate</c> → <c>YARNDL_HP_LEARNING_RATE</c>).</summary>
    public static string EnvName(string parameter) =>
        "YARNDL_HP_" + parameter.Replace('-', '_').ToUpperInvariant();

    /// <summary>Applies one value to the trainer; false if the value does not parse for that key.</summary>
    public static bool TryApply(JobSpec spec, string name, string value, out TrainerSpec? trainer)
    {
        trainer = spec.Trainer;
        if (trainer is null)
        {
            return true;
        }

        var inv = CultureInfo.InvariantCulture;
        var okInt = int.TryParse(value, NumberStyles.Integer, inv, out var i) && i > 0;
        var okDouble = double.TryParse(value, NumberStyles.Float, inv, out var d) && d >= 0;
        (trainer, var ok) = name switch
        {
            "batch-size" => (trainer with { BatchSize = i }, okInt),
            "epochs" => (trainer with { Epochs = i }, okInt),
            "hidden-units" => (trainer with { HiddenUnits = i }, okInt),
            "seed" => (trainer with { Seed = i }, okInt),
            "learning-rate" => (trainer with { LearningRate = d }, okDouble && d > 0),
            "momentum" => (trainer with { Momentum = d }, okDouble),
            "optimizer" => (trainer with { Optimizer = value }, value.Length > 0),
            _ => (trainer, false),
        };
        return ok;
    }
}
