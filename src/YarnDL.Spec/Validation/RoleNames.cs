namespace YarnDL.Spec.Validation;

/// <summary>Well-known role names and the rule for custom ones.</summary>
public static class RoleNames
{
    public const string Chief = "chief";
    public const string Worker = "worker";
    public const string Ps = "ps";
    public const string Evaluator = "evaluator";

    /// <summary>Lower-case letters, digits and '-', starting with a letter, at most 32 characters.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 32 && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
