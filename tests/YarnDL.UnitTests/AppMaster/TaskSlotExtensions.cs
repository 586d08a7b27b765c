using YarnDL.AppMaster.Clusters;

namespace YarnDL.UnitTests.AppMaster;

internal static class TaskSlotExtensions
{
    /// <summary>Waits (polling state, bounded by a deadline) until the slot has registered.</summary>
    public static async Task WaitRegisteredAsync(this TaskSlot slot, TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        while (slot.State != TaskState.Registered)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cts.Token);
        }
    }
}
