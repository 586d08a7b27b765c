using YarnDL.Yarn.Rest;

namespace YarnDL.Client.Jobs;

/// <summary>Finds log locations of an application's AM containers (one per attempt) on their NodeManagers.</summary>
public sealed class JobLogs(IRmRestClient rm)
{
    /// <summary>One log file URL per attempt and file (NM REST <c>/ws/v1/node/containers/{id}/logs/{file}</c>).</summary>
    public async Task<IReadOnlyList<LogLocation>> AmLogsAsync(string applicationId, IReadOnlyList<string> files, CancellationToken ct = default)
    {
        var attempts = await rm.GetAppAttemptsAsync(applicationId, ct).ConfigureAwait(false);
        var scheme = rm.ActiveEndpoint.Scheme;
        return attempts
            .Where(a => !string.IsNullOrEmpty(a.ContainerId) && !string.IsNullOrEmpty(a.NodeHttpAddress))
            .SelectMany(a => files.Select(f => new LogLocation(a.Id, a.ContainerId!, f,
                new Uri($"{scheme}://{a.NodeHttpAddress}/ws/v1/node/containers/{a.ContainerId}/logs/{f}"), a.LogsLink)))
            .ToList();
    }
}

/// <summary>Where one log file of one container is served.</summary>
public sealed record LogLocation(int Attempt, string ContainerId, string File, Uri Url, string? WebLink);
