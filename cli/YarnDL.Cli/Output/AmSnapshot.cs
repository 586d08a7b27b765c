using System.Globalization;
using System.Text.Json.Serialization;

namespace YarnDL.Cli.Output;

/// <summary>
/// Says that what <c>status</c> or <c>wait</c> show of the job is the last state the AM left, not a live one: the AM has ended.
/// <see cref="Source"/> is <c>final-result</c> (the AM's final result, which the RM keeps in the diagnostics the AM unregistered
/// with; <see cref="At"/> is the application's finish time) or <c>last-status</c> (the last status document <c>wait</c> read
/// before the AM went away; <see cref="At"/> is when it was read). <c>--json</c> prints it as <c>snapshot</c>.
/// </summary>
internal sealed record AmSnapshot(string? At, string Source)
{
    public const string SourceFinalResult = "final-result";
    public const string SourceLastStatus = "last-status";

    /// <summary>Always true: a snapshot is only shown once the AM is gone.</summary>
    public bool AmEnded { get; } = true;

    [JsonIgnore]
    public DateTimeOffset? Time { get; private init; }

    /// <summary>A snapshot taken at <paramref name="at"/> (null or the epoch when the RM does not say).</summary>
    public static AmSnapshot Of(DateTimeOffset? at, string source) => at is { } t && t.ToUnixTimeMilliseconds() > 0
        ? new AmSnapshot(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), source) { Time = t }
        : new AmSnapshot(null, source);

    /// <summary>The application's finish time as the RM reports it (milliseconds since the epoch; 0 = not finished).</summary>
    public static AmSnapshot FromFinishTime(long finishedTimeMs) =>
        Of(finishedTimeMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(finishedTimeMs) : null, SourceFinalResult);

    /// <summary><c>last known state from the AM at 00:41:07Z; the AM has ended</c>.</summary>
    public string Line() => Time is { } t
        ? $"last known state from the AM at {t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}Z; the AM has ended"
        : "last known state from the AM; the AM has ended";
}
