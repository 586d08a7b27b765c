namespace YarnDL.AppMaster.Clusters;

/// <summary>The result a task posted to the AM before exiting: whether it succeeded and how it said it ended.</summary>
internal sealed record TaskReport(bool Succeeded, string? Message);
