using System.Globalization;
using System.Text.RegularExpressions;

namespace YarnDL.Cli.Output;

/// <summary>
/// The AM's final result as the RM keeps it in the application's diagnostics after the AM is gone: a summary line
/// (<c>best trial trial-0000 val_accuracy=0.9821 {learning-rate=0.1}</c>, or what failed) and one line per trial
/// (<c>trial trial-0000 SUCCEEDED epoch=10 loss=0.08 val_accuracy=0.9821 {learning-rate=0.1}</c>). The RM appends the AM's
/// text to what it wrote into the attempt's diagnostics itself, with no separator: after an RM restart the first line reads
/// <c>Attempt recovered after RM restartbest trial …</c>, so the summary is looked for within the first line.
/// </summary>
internal sealed partial record FinalResult(string? BestTrial, string? Metric, double? Value, string? HyperParameters, IReadOnlyList<FinalTrial> Trials)
{
    /// <summary>Null when the diagnostics carry neither a best trial nor a trial line (not written by our AM, or it never finished).</summary>
    public static FinalResult? TryParse(string? diagnostics)
    {
        if (string.IsNullOrWhiteSpace(diagnostics))
        {
            return null;
        }

        var lines = diagnostics.Split('\n');
        var trials = new List<FinalTrial>();
        var other = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var t = TrialLine().Match(line.Trim());
            if (!t.Success)
            {
                other.Add(line.Trim());
            }
            else
            {
                trials.Add(new FinalTrial(
                    t.Groups["id"].Value,
                    t.Groups["state"].Value,
                    int.Parse(t.Groups["epoch"].Value, CultureInfo.InvariantCulture),
                    t.Groups["k"].Captures.Zip(t.Groups["v"].Captures).ToDictionary(p => p.First.Value, p => Number(p.Second.Value), StringComparer.Ordinal),
                    Params(t.Groups["hp"].Value)));
            }
        }

        var m = BestLine().Match(lines[0]);
        if (!m.Success)
        {
            return trials.Count == 0 ? null : new FinalResult(null, null, null, null, trials) { OtherDiagnostics = Join(lines[0], other) };
        }

        // What surrounds the summary on its line: the RM's own text before it, failed trials after it ("; cluster … failed: …").
        string[] around = [lines[0][..m.Index].Trim(), lines[0][(m.Index + m.Length)..].Trim().TrimStart(';').Trim()];
        return new FinalResult(m.Groups["trial"].Value, m.Groups["metric"].Value, Number(m.Groups["value"].Value), Params(m.Groups["hp"].Value), trials)
        {
            OtherDiagnostics = Join(string.Join("; ", around.Where(a => a.Length > 0)), other),
        };
    }

    /// <summary>
    /// What the diagnostics say besides this result (null when nothing): the RM's own text, what the summary line adds after the
    /// best trial, and lines that are no trial line. The text view prints these as the diagnostics and the result below them,
    /// so no line is printed twice.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? OtherDiagnostics { get; private init; }

    /// <summary>The best trial's accuracy, when the ranking metric is one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double? Accuracy => Metric is not null && Metric.EndsWith("accuracy", StringComparison.Ordinal) ? Value : null;

    private static string? Join(string first, IEnumerable<string> rest)
    {
        var kept = rest.Prepend(first.Trim()).Where(l => l.Length > 0).ToList();
        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    private static string Params(string hp) => hp.Trim().Replace(", ", " ", StringComparison.Ordinal);

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"best trial (?<trial>\S+) (?<metric>[A-Za-z_][\w.-]*)=(?<value>[0-9.eE+-]+|NaN|-?Infinity)\s*(\{(?<hp>[^}]*)\})?")]
    private static partial Regex BestLine();

    [GeneratedRegex(@"^trial (?<id>\S+) (?<state>[A-Z_]+) epoch=(?<epoch>\d+)(?: (?<k>[A-Za-z_][\w.-]*)=(?<v>[0-9.eE+-]+|NaN|-?Infinity))*\s*(\{(?<hp>[^}]*)\})?$")]
    private static partial Regex TrialLine();
}

/// <summary>One trial's terminal state, the last epoch it reached (1-based) and its final metrics.</summary>
internal sealed record FinalTrial(string Id, string State, int Epoch, IReadOnlyDictionary<string, double> Metrics, string HyperParameters);
