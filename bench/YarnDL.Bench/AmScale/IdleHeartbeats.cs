using System.Diagnostics;
using YarnDL.AppMaster.Job;

namespace YarnDL.Bench.AmScale;

/// <summary>CPU per heartbeat once every container runs and nothing changes: what a steady AM pays each heartbeat.</summary>
internal static class IdleHeartbeats
{
    private const int Count = 50;

    public static string Description => $"a heartbeat with nothing new, mean of {Count}";

    public static async Task<double> CpuMsAsync(AmDriver driver, Process process, CancellationToken ct)
    {
        await driver.TickAsync(ct); // what changed before (registrations, the last launches) is saved here, once
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        for (var i = 0; i < Count; i++)
        {
            await driver.TickAsync(ct);
        }

        process.Refresh();
        return (process.TotalProcessorTime - cpu0).TotalMilliseconds / Count;
    }
}
