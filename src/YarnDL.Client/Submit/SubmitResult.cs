namespace YarnDL.Client.Submit;

/// <summary>The submitted application.</summary>
public sealed record SubmitResult(string ApplicationId, Uri RmEndpoint, string? TrackingUrl)
{
    /// <summary>What preflight could not check (e.g. node attributes on an RM that does not report them).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
