using System.Globalization;
using YarnDL.Spec.Model;

namespace YarnDL.AppMaster.Launch;

/// <summary>A trial's trainer settings as the key/value object the built-in trainer reads.</summary>
internal static class TrainerSettingsMap
{
    public static Dictionary<string, string> Of(TrainerSpec t)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = t.Model,
            ["dataset"] = t.Dataset,
            ["epochs"] = Text(t.Epochs),
            ["batch-size"] = Text(t.BatchSize),
            ["learning-rate"] = Text(t.LearningRate),
            ["strategy"] = t.Strategy.ToString().ToLowerInvariant(),
            ["ps-mode"] = t.PsMode.ToString().ToLowerInvariant(),
            ["mode"] = t.Mode.ToString().ToLowerInvariant(),
            ["optimizer"] = t.Optimizer,
            ["momentum"] = Text(t.Momentum),
            ["hidden"] = Text(t.HiddenUnits),
            ["seed"] = Text(t.Seed),
        };
        if (t.InitFrom is not null)
        {
            settings["init-from"] = t.InitFrom;
        }

        if (t.Freeze.Length > 0)
        {
            settings["freeze"] = string.Join(',', t.Freeze);
        }

        return settings;
    }

    private static string Text(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);
}
