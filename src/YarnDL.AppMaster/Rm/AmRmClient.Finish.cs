using Microsoft.Extensions.Logging;

namespace YarnDL.AppMaster.Rm;

internal sealed partial class AmRmClient
{
    /// <summary>finishApplicationMaster until the RM says isUnregistered; re-registers first when the RM lost us.</summary>
    public async Task UnregisterAsync(FinalStatus status, string diagnostics, TimeSpan retryInterval, CancellationToken ct)
    {
        var url = _registration?.Url ?? string.Empty;
        while (true)
        {
            bool done;
            try
            {
                done = await rm.FinishAsync(status, diagnostics, url, ct);
            }
            catch (RmNotRegisteredException)
            {
                log.LogWarning("RM lost our registration while finishing; re-registering");
                await ResyncAsync(ct);
                continue;
            }

            if (done)
            {
                log.LogInformation("Unregistered from the RM with {Status}", status);
                return;
            }

            await Task.Delay(retryInterval, time, ct);
        }
    }
}
