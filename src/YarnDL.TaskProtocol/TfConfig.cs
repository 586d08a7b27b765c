using System.Text;
using System.Text.Json;

namespace YarnDL.TaskProtocol;

/// <summary>Builds TF_CONFIG and the PyTorch-style rank/world values from a cluster map.</summary>
public static class TfConfig
{
    /// <summary>Roles that take part in synchronous training, in rank order.</summary>
    public static readonly IReadOnlyList<string> RankedRoles = ["chief", "master", "worker"];

    /// <summary>The role TensorFlow keeps outside the training cluster.</summary>
    public const string EvaluatorRole = "evaluator";

    /// <summary>The TF_CONFIG JSON: <c>{"cluster":{...},"task":{"type":role,"index":i}}</c>, roles in ordinal order.
    /// As TensorFlow expects, the evaluator stays outside the training cluster: the other tasks' <c>cluster</c> omits it
    /// (a training server would otherwise wait for it), and an evaluator's <c>cluster</c> holds the evaluators only.</summary>
    public static string Build(IReadOnlyDictionary<string, IReadOnlyList<string>> cluster, string role, int index)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var visible = role == EvaluatorRole
            ? cluster.Where(kv => kv.Key == EvaluatorRole)
            : cluster.Where(kv => kv.Key != EvaluatorRole);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartObject("cluster");
            foreach (var (name, addresses) in visible.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray(name);
                foreach (var a in addresses)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteStartObject("task");
            w.WriteString("type", role);
            w.WriteNumber("index", index);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Rank of (role, index) among ranked roles, or -1 when the role is not ranked (ps, evaluator).</summary>
    public static int Rank(IReadOnlyDictionary<string, IReadOnlyList<string>> cluster, string role, int index)
    {
        var offset = 0;
        foreach (var r in RankedRoles)
        {
            if (!cluster.TryGetValue(r, out var members))
            {
                continue;
            }

            if (r == role)
            {
                return offset + index;
            }

            offset += members.Count;
        }

        return -1;
    }

    /// <summary>Number of ranked tasks in the cluster.</summary>
    public static int WorldSize(IReadOnlyDictionary<string, IReadOnlyList<string>> cluster) =>
        RankedRoles.Sum(r => cluster.TryGetValue(r, out var m) ? m.Count : 0);

    /// <summary>Address of rank 0 (the chief, else worker 0).</summary>
    public static string? RankZero(IReadOnlyDictionary<string, IReadOnlyList<string>> cluster) =>
        RankedRoles.Select(r => cluster.TryGetValue(r, out var m) && m.Count > 0 ? m[0] : null).FirstOrDefault(a => a is not null);
}
