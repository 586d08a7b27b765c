using System.Text.Json;

namespace YarnDL.Yarn.Rest.Cluster;

/// <summary>Queue names found in <c>GET /ws/v1/cluster/scheduler</c> (capacity, fair and fifo shapes).</summary>
public static class SchedulerQueues
{
    /// <summary>Every <c>queueName</c> (and full <c>queuePath</c>) in the document; fair scheduler names keep their <c>root.</c> prefix and also appear without it.</summary>
    public static IReadOnlySet<string> Parse(JsonDocument scheduler)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Walk(scheduler.RootElement, names);
        return names;
    }

    private static void Walk(JsonElement e, HashSet<string> names)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name is "queueName" or "queuePath" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { } n)
                    {
                        names.Add(n);
                        if (n.StartsWith("root.", StringComparison.Ordinal))
                        {
                            names.Add(n[5..]);
                            names.Add(n[(n.LastIndexOf('.') + 1)..]);
                        }
                    }

                    Walk(p.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, names);
                }

                break;
        }
    }
}
