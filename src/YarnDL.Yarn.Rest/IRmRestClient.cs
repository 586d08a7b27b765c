using YarnDL.Yarn.Rest.Apps;
using YarnDL.Yarn.Rest.Cluster;
using YarnDL.Yarn.Rest.Nm;
using YarnDL.Yarn.Rest.Nodes;
using YarnDL.Yarn.Rest.Resources;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Yarn.Rest;

/// <summary>The RM REST operations YarnDL uses. Errors: <c>YarnRestException</c> (status + Hadoop exception), <c>RmUnavailableException</c>.</summary>
public interface IRmRestClient
{
    /// <summary>The RM the next call goes to.</summary>
    Uri ActiveEndpoint { get; }

    Task<ClusterInfo> GetClusterInfoAsync(CancellationToken ct = default);

    Task<ClusterMetrics> GetClusterMetricsAsync(CancellationToken ct = default);

    /// <summary>Reserves an application id and returns the maximum container capability (incl. GPUs).</summary>
    Task<NewApplication> NewApplicationAsync(CancellationToken ct = default);

    /// <summary>Submits; safe to repeat with the same application id (the RM ignores a known id).</summary>
    Task SubmitApplicationAsync(ApplicationSubmissionContext context, CancellationToken ct = default);

    Task<AppReport> GetApplicationAsync(string applicationId, CancellationToken ct = default);

    Task<IReadOnlyList<AppReport>> ListApplicationsAsync(AppsQuery query, CancellationToken ct = default);

    Task<IReadOnlyList<AppAttempt>> GetAppAttemptsAsync(string applicationId, CancellationToken ct = default);

    /// <summary>PUTs state KILLED, re-PUTting while the RM answers 202; returns the last RM app state.</summary>
    Task<string> KillApplicationAsync(string applicationId, string? diagnostics, int maxPolls = 30, CancellationToken ct = default);

    Task<IReadOnlyList<NodeReport>> GetNodesAsync(string? states = null, CancellationToken ct = default);

    /// <summary>The scheduler's maximum allocation for <paramref name="queue"/> (else its root's); null when the scheduler reports none (fair, fifo).</summary>
    Task<ResourceInfo?> GetMaximumAllocationAsync(string? queue, CancellationToken ct = default);

    /// <summary>All queue names the scheduler reports.</summary>
    Task<IReadOnlySet<string>> GetQueueNamesAsync(CancellationToken ct = default);

    /// <summary>NM GPU endpoint of one node (<c>host:port</c> of its web UI).</summary>
    Task<NmGpuInfo> GetNodeGpuInfoAsync(string nodeHttpAddress, CancellationToken ct = default);
}
