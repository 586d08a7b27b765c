namespace YarnDL.MiniCluster;

public sealed partial class MiniYarnCluster
{
    /// <summary>Completes when the application reaches one of <paramref name="states"/> (YarnApplicationState names); no polling.</summary>
    public Task<string> WaitForAppStateAsync(string applicationId, TimeSpan timeout, params string[] states) =>
        WaitAsync(() => Rm.Read(v => v.Apps.FirstOrDefault(a => a.Id == applicationId)?.PublicState) is { } s && states.Contains(s)
            ? s : null, timeout, $"{applicationId} to reach {string.Join('|', states)}");

    /// <summary>Completes with the app's logAggregationStatus once its NodeManagers are done uploading (SUCCEEDED or FAILED).</summary>
    public Task<string> WaitForLogAggregationAsync(string applicationId, TimeSpan timeout) =>
        WaitAsync(() => Rm.Read(v => v.Apps.FirstOrDefault(a => a.Id == applicationId)?.LogAggregationStatus) is { } s
            && s is "SUCCEEDED" or "FAILED" ? s : null, timeout, $"the logs of {applicationId} to be aggregated");

    /// <summary>Completes with the id of the current attempt's AM container once its process runs.</summary>
    /// <param name="previousAmContainer">when given, waits for an AM container other than this one (a later attempt).</param>
    public Task<string> WaitForAmRunningAsync(string applicationId, TimeSpan timeout, string? previousAmContainer = null) =>
        WaitAsync(() => Rm.Read(v => v.Apps.FirstOrDefault(a => a.Id == applicationId)?.CurrentAttempt?.AmContainer) is { State: "RUNNING" } c
            && c.Id != previousAmContainer ? c.Id : null, timeout, $"the AM of {applicationId} to run");

    /// <summary>Completes with the container's exit status once it has completed.</summary>
    public async Task<int> WaitForContainerExitAsync(string containerId, TimeSpan timeout)
    {
        var text = await WaitAsync(() => ContainerExitStatus(containerId)?.ToString(System.Globalization.CultureInfo.InvariantCulture), timeout, $"{containerId} to exit")
            .ConfigureAwait(false);
        return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Exit status of a completed container, or null while it runs.</summary>
    public int? ContainerExitStatus(string containerId) =>
        Rm.Read(v => v.Rm.CompletedContainers.FirstOrDefault(c => c.Id == containerId)?.ExitStatus);

    private async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, string what)
        where T : class
    {
        var signal = new SemaphoreSlim(0);
        void OnChange(string _) => signal.Release();
        Rm.AppChanged += OnChange;
        try
        {
            using var cts = new CancellationTokenSource(timeout, Options.TimeProvider);
            while (true)
            {
                if (probe() is { } hit) return hit;
                try
                {
                    await signal.WaitAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"timed out after {timeout} waiting for {what}");
                }
            }
        }
        finally
        {
            Rm.AppChanged -= OnChange;
            signal.Dispose();
        }
    }
}
