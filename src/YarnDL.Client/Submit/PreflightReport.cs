namespace YarnDL.Client.Submit;

/// <summary>Problems stop the submission; warnings say what could not be checked.</summary>
public sealed record PreflightReport(IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings)
{
    public static PreflightReport Empty { get; } = new([], []);
}
