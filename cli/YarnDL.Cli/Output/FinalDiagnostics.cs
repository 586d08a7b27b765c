using System.Globalization;
using System.Text.RegularExpressions;

namespace YarnDL.Cli.Output;

/// <summary>The AM's unregister diagnostics, <c>best trial trial-0000 val_accuracy=0.9821 {learning-rate=0.1}</c>.</summary>
internal sealed partial record FinalDiagnostics(string Trial, double Accuracy, string HyperParameters)
{
    public static FinalDiagnostics? TryParse(string? diagnostics)
    {
        var m = diagnostics is null ? Match.Empty : Pattern().Match(diagnostics);
        return m.Success && double.TryParse(m.Groups["acc"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var acc)
            ? new FinalDiagnostics(m.Groups["trial"].Value, acc, m.Groups["hp"].Value.Trim().Replace(", ", " ", StringComparison.Ordinal))
            : null;
    }

    [GeneratedRegex(@"best trial (?<trial>\S+) \S*accuracy=(?<acc>[0-9.eE+-]+)\s*(\{(?<hp>[^}]*)\})?")]
    private static partial Regex Pattern();
}
