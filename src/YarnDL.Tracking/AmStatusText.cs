using System.Globalization;

namespace YarnDL.Tracking;

/// <summary>How the tracking page and <c>yarndl status</c> word the figures of the status document, so both say the same:
/// "3 of 40" for epochs, <c>42 s</c>/<c>3 min 5 s</c>/<c>2 h 10 min</c> for durations.</summary>
public static class AmStatusText
{
    private static readonly HashSet<string> Finished = new(StringComparer.Ordinal) { "SUCCEEDED", "FAILED", "EARLYSTOPPED", "KILLED" };

    /// <summary>True once the trial ended (its figures are final).</summary>
    public static bool IsFinished(AmClusterStatus c) => Finished.Contains(c.State);

    /// <summary>
    /// "X of N": a finished trial's epochs as its trainer reported them at the end, else the epoch its furthest task is in
    /// (tasks report it 0-based); empty before any task reported. A command job (no planned epochs) shows X alone.
    /// </summary>
    public static string Epoch(AmClusterStatus c)
    {
        var of = c.Epochs > 0 ? string.Create(CultureInfo.InvariantCulture, $" of {c.Epochs}") : "";
        if (c.Metrics.TryGetValue("epochs", out var done))
        {
            return done.ToString("0", CultureInfo.InvariantCulture) + of;
        }

        var reported = c.Tasks.Where(t => t.Step > 0).Select(t => t.Epoch + 1).DefaultIfEmpty(0).Max();
        if (reported == 0 && c.Curve.Count > 0)
        {
            reported = c.Curve[^1].Epoch + 1;
        }

        return reported == 0 ? "" : (c.Epochs > 0 ? Math.Min(reported, c.Epochs) : reported).ToString(CultureInfo.InvariantCulture) + of;
    }

    /// <summary>Estimated time left of a running trial (<c>≈ 3 min 5 s</c>); "estimating…" until it has finished an epoch;
    /// empty once finished and for a command job.</summary>
    public static string Eta(AmClusterStatus c) =>
        IsFinished(c) || c.Epochs == 0 ? ""
        : c.EtaSeconds is { } s ? "≈ " + Duration(s)
        : c.State == "RUNNING" ? "estimating…" : "";

    /// <summary>The newest checkpoint a task reported, <c>step 120 · epoch 3</c> (1-based epoch), and its age; null when none.</summary>
    public static (string Where, string Age)? Checkpoint(AmTaskStatus t) =>
        t.CheckpointStep < 0 || t.CheckpointAgeSeconds is not { } age
            ? null
            : (string.Create(CultureInfo.InvariantCulture, $"step {t.CheckpointStep} · epoch {t.CheckpointEpoch + 1}"), Duration(age) + " ago");

    /// <summary>
    /// A task's state: once it reported its result, SUCCEEDED or FAILED as it reported, also while its container is still ending
    /// (for which the AM still says RUNNING); else the AM's state.
    /// </summary>
    public static string TaskState(AmTaskStatus t) => t.Result is { } r ? (r.Succeeded ? "SUCCEEDED" : "FAILED") : t.State;

    /// <summary><see cref="TaskState"/> with what the task reported, when it did: <c>SUCCEEDED, exit code 0</c>.</summary>
    public static string TaskStateAndResult(AmTaskStatus t) =>
        t.Result?.Message is { Length: > 0 } m ? $"{TaskState(t)}, {m}" : TaskState(t);

    /// <summary>How a task ended, each fact once: what it reported, then its container's end once that came
    /// (<c>exit code 0; worker:0 on nm1:45454 (container_…) exited with code 0</c>); null when neither is known yet.</summary>
    public static string? TaskExit(AmTaskStatus t)
    {
        string[] parts = [.. new[] { t.Result?.Message, t.ExitReason }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!)];
        return parts.Length == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>Seconds as a person reads them: <c>42 s</c>, <c>3 min 5 s</c>, <c>2 h 10 min</c>.</summary>
    public static string Duration(double seconds)
    {
        var s = (long)Math.Round(Math.Max(0, seconds));
        return s < 60 ? string.Create(CultureInfo.InvariantCulture, $"{s} s")
            : s < 3600 ? (s % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{s / 60} min") : string.Create(CultureInfo.InvariantCulture, $"{s / 60} min {s % 60} s"))
            : string.Create(CultureInfo.InvariantCulture, $"{s / 3600} h {s % 3600 / 60} min");
    }
}
