using System.Text.Json;

namespace YarnDL.Bench.Faults;

/// <summary>The parts of the AM's <c>/api/v1/status</c> document the soak reads: each task's step, container and node.</summary>
internal sealed record AmStatusView(IReadOnlyList<AmTaskView> Tasks)
{
    public static AmStatusView Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var tasks = new List<AmTaskView>();
        foreach (var cluster in doc.RootElement.GetProperty("clusters").EnumerateArray())
        {
            foreach (var t in cluster.GetProperty("tasks").EnumerateArray())
            {
                tasks.Add(new AmTaskView(
                    t.GetProperty("role").GetString() ?? "",
                    t.GetProperty("index").GetInt32(),
                    t.GetProperty("step").GetInt64(),
                    t.TryGetProperty("containerId", out var c) ? c.GetString() : null,
                    t.TryGetProperty("node", out var n) ? n.GetString() : null));
            }
        }

        return new AmStatusView(tasks);
    }
}

/// <summary>One task of the status document.</summary>
internal sealed record AmTaskView(string Role, int Index, long Step, string? ContainerId, string? Node);
