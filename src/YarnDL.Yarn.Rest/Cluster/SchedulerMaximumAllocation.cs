using System.Text.Json;
using YarnDL.Yarn.Rest.Json;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.Yarn.Rest.Cluster;

/// <summary>
/// The largest container the scheduler allows, from <c>GET /ws/v1/cluster/scheduler</c>. The CapacityScheduler reports
/// <c>maximumAllocation</c> for its root (<c>yarn.scheduler.maximum-allocation-*</c> and each resource type's
/// <c>maximum-allocation</c>) and for each queue (per-queue overrides); the fair and fifo schedulers report none.
/// </summary>
public static class SchedulerMaximumAllocation
{
    /// <summary>The maximum allocation of <paramref name="queue"/> (by name or path) when the scheduler reports one for it, else the root's; null when the scheduler reports none.</summary>
    public static ResourceInfo? Parse(JsonDocument scheduler, string? queue)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (scheduler.RootElement.ValueKind != JsonValueKind.Object
            || !scheduler.RootElement.TryGetProperty("scheduler", out var s) || s.ValueKind != JsonValueKind.Object
            || !s.TryGetProperty("schedulerInfo", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var root = Maximum(info);
        return queue is not null && FindQueue(info, queue) is { } q && Maximum(q) is { } own ? own : root;
    }

    private static ResourceInfo? Maximum(JsonElement queue) =>
        queue.TryGetProperty("maximumAllocation", out var m) && m.ValueKind == JsonValueKind.Object
            ? m.Deserialize(RestJsonContext.Default.ResourceInfo)
            : null;

    private static JsonElement? FindQueue(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty("queues", out var queues) || queues.ValueKind != JsonValueKind.Object || !queues.TryGetProperty("queue", out var list))
        {
            return null;
        }

        foreach (var q in list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : new[] { list })
        {
            if (q.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (Is(q, "queueName", name) || Is(q, "queuePath", name) || Is(q, "queuePath", "root." + name))
            {
                return q;
            }

            if (FindQueue(q, name) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    private static bool Is(JsonElement q, string property, string value) =>
        q.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() == value;
}
