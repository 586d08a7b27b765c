using System.Globalization;
using YarnDL.TaskProtocol;

namespace YarnDL.Trainer.Launcher;

/// <summary>What the program of a <c>command:</c> task sees once the whole cluster has registered: TensorFlow's
/// <c>TF_CONFIG</c>, PyTorch's <c>env://</c> variables and the task's own port. Ranks follow <see cref="TfConfig.RankedRoles"/>:
/// the chief (or master) is rank 0, the workers follow in index order; ps and evaluator tasks are outside the world, so
/// they get no <c>RANK</c>/<c>LOCAL_RANK</c>/<c>LOCAL_WORLD_SIZE</c> (a null value: the variable is removed) and a
/// program that calls <c>init_process_group</c> there fails loudly instead of joining with a wrong rank.</summary>
internal static class LaunchVariables
{
    /// <summary>Variable name → value; null means "unset it in the program's environment".</summary>
    public static IReadOnlyDictionary<string, string?> For(IReadOnlyDictionary<string, IReadOnlyList<string>> cluster, string role, int index, int port)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var rank = TfConfig.Rank(cluster, role, index);
        var (masterAddr, masterPort) = Split(TfConfig.RankZero(cluster));
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ClusterEnv.TfConfig] = TfConfig.Build(cluster, role, index),
            [ClusterEnv.WorldSize] = Text(TfConfig.WorldSize(cluster)),
            [ClusterEnv.MasterAddr] = masterAddr,
            [ClusterEnv.MasterPort] = masterPort,
            [ClusterEnv.Rank] = rank >= 0 ? Text(rank) : null,
            [ClusterEnv.LocalRank] = rank >= 0 ? "0" : null,
            [ClusterEnv.LocalWorldSize] = rank >= 0 ? "1" : null,
            [ClusterEnv.TaskPort] = Text(port),
        };
    }

    /// <summary>host and port of a <c>host:port</c> address; both null when there is no ranked task.</summary>
    private static (string? Host, string? Port) Split(string? address)
    {
        if (address is null)
        {
            return (null, null);
        }

        var colon = address.LastIndexOf(':');
        return colon < 0 ? (address, null) : (address[..colon], address[(colon + 1)..]);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
