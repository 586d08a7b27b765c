namespace YarnDL.Client.Submit;

/// <summary>The submitted application.</summary>
public sealed record SubmitResult(string ApplicationId, Uri RmEndpoint, string? TrackingUrl);
