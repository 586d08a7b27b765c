namespace YarnDL.Admin.Checks;

/// <summary>One problem found in a configuration: where it is, what is wrong, and how to fix it.</summary>
/// <param name="Line">1-based line of the property (or of the place it belongs when it is missing).</param>
/// <param name="Column">1-based column when known (malformed XML), else 0.</param>
public sealed record Finding(
    Severity Severity,
    string File,
    int Line,
    string Property,
    string Problem,
    string Fix,
    string RuleId,
    int Column = 0);
