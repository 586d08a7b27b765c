namespace YarnDL.Spec.Sweep;

/// <summary>One point of a sweep: its 0-based index and parameter values (in the file's key order).</summary>
public sealed record Trial(int Index, IReadOnlyList<KeyValuePair<string, string>> Parameters);
