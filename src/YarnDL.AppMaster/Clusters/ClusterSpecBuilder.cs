using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Clusters;

/// <summary>Assembles the TF_CONFIG cluster map and the per-task spec (rank, world, master) from registered addresses.</summary>
internal static class ClusterSpecBuilder
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ClusterMap(IEnumerable<TaskSlot> slots) =>
        slots.GroupBy(s => s.Role, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)[.. g.OrderBy(s => s.Index).Select(s => s.Address ?? string.Empty)],
                StringComparer.Ordinal);

    public static ClusterSpecResponse For(IReadOnlyDictionary<string, IReadOnlyList<string>> cluster, string role, int index, bool resume)
    {
        var master = TfConfig.RankZero(cluster) ?? cluster[role][index];
        var colon = master.LastIndexOf(':');
        var masterHost = colon < 0 ? master : master[..colon];
        var masterPort = colon < 0 ? 0 : int.Parse(master[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return new ClusterSpecResponse(
            cluster,
            TfConfig.Rank(cluster, role, index),
            TfConfig.WorldSize(cluster),
            masterHost,
            masterPort,
            TfConfig.Build(cluster, role, index),
            resume);
    }
}
