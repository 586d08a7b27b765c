namespace YarnDL.Spec.Model;

/// <summary>
/// The values of one sweep parameter: a list (<c>[0.1, 0.05]</c>) or a range
/// (<c>{ min: 0.001, max: 0.1, scale: log }</c>, random sweeps only).
/// </summary>
public sealed record ParameterSpec
{
    /// <summary>Explicit values, as written in the file.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Lower bound of a range.</summary>
    public double? Min { get; init; }

    /// <summary>Upper bound of a range.</summary>
    public double? Max { get; init; }

    /// <summary>True when a range is sampled on a log scale.</summary>
    public bool LogScale { get; init; }

    /// <summary>True when range samples are rounded to integers.</summary>
    public bool IntegerValued { get; init; }

    /// <summary>True for a range, false for a value list.</summary>
    public bool IsRange => Min is not null || Max is not null;
}
