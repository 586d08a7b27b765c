using System.Globalization;
using System.Text.Json;
using YarnDL.TaskProtocol;

namespace YarnDL.Training.Cluster;

/// <summary>Reads the cluster from TF_CONFIG, else RANK/WORLD_SIZE/MASTER_ADDR/MASTER_PORT (rank r listens on MASTER_PORT+r),
/// else a standalone world of one.</summary>
internal static class ClusterResolver
{
    public const string ParameterServerRole = "ps";

    public static ClusterInfo FromEnvironment(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var tf = env(ClusterEnv.TfConfig);
        if (!string.IsNullOrWhiteSpace(tf))
        {
            return FromTfConfig(tf, false);
        }

        var rank = env(ClusterEnv.Rank);
        var world = env(ClusterEnv.WorldSize);
        if (rank is not null && world is not null)
        {
            var r = int.Parse(rank, CultureInfo.InvariantCulture);
            var w = int.Parse(world, CultureInfo.InvariantCulture);
            var host = env(ClusterEnv.MasterAddr) ?? "127.0.0.1";
            var port = int.Parse(env(ClusterEnv.MasterPort) ?? "29500", CultureInfo.InvariantCulture);
            var peers = Enumerable.Range(0, w).Select(i => string.Create(CultureInfo.InvariantCulture, $"{host}:{port + i}")).ToArray();
            return new ClusterInfo(r == 0 ? "chief" : "worker", r == 0 ? 0 : r - 1, r, w, peers, peers[r], false);
        }

        return ClusterInfo.Standalone;
    }

    /// <summary>Parses <c>{"cluster":{role:[host:port…]},"task":{"type":…,"index":…}}</c>.</summary>
    public static ClusterInfo FromTfConfig(string json, bool resume)
    {
        using var doc = JsonDocument.Parse(json);
        var cluster = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var role in doc.RootElement.GetProperty("cluster").EnumerateObject())
        {
            cluster[role.Name] = [.. role.Value.EnumerateArray().Select(a => a.GetString() ?? string.Empty)];
        }

        var task = doc.RootElement.GetProperty("task");
        var type = task.GetProperty("type").GetString() ?? "worker";
        var index = task.GetProperty("index").GetInt32();
        return FromCluster(cluster, type, index, resume);
    }

    public static ClusterInfo FromCluster(IReadOnlyDictionary<string, IReadOnlyList<string>> cluster, string role, int index, bool resume)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var ring = TfConfig.RankedRoles.SelectMany(r => cluster.TryGetValue(r, out var m) ? m : []).ToArray();
        var self = cluster.TryGetValue(role, out var mine) && index < mine.Count ? mine[index] : null;
        var rank = TfConfig.Rank(cluster, role, index);
        return new ClusterInfo(role, index, rank, Math.Max(1, ring.Length), ring, self, resume)
        {
            ParameterServers = cluster.TryGetValue(ParameterServerRole, out var ps) ? ps : [],
        };
    }
}
