using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Client.Jobs;

/// <summary>Polls an application until it reaches FINISHED, FAILED or KILLED (TimeProvider delays, no sleeps).</summary>
public sealed class JobWaiter(IRmRestClient rm, TimeProvider time)
{
    /// <summary>Default poll interval.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(2);

    /// <summary>Returns the terminal report; <paramref name="onReport"/> sees every poll (for progress views).</summary>
    public async Task<AppReport> WaitAsync(string applicationId, TimeSpan interval, Action<AppReport>? onReport = null, CancellationToken ct = default)
    {
        while (true)
        {
            var report = await rm.GetApplicationAsync(applicationId, ct).ConfigureAwait(false);
            onReport?.Invoke(report);
            if (report.IsTerminal)
            {
                return report;
            }

            await Task.Delay(interval, time, ct).ConfigureAwait(false);
        }
    }
}
