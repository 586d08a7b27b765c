namespace YarnDL.Admin.Checks;

/// <summary>Helpers for Hadoop's comma-separated values.</summary>
internal static class ConfigValues
{
    public static string[] SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool ListContains(string? value, string item) =>
        SplitList(value).Contains(item, StringComparer.Ordinal);

    public static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
