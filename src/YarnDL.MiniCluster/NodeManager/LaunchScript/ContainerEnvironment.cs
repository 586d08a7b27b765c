namespace YarnDL.MiniCluster.NodeManager.LaunchScript;

/// <summary>
/// The environment of one container as the NodeManager composes it (<c>ContainerLaunch.call</c>, <c>addConfigsToEnv</c>,
/// <c>sanitizeEnv</c>): the launch context's variables, the admin variables, then the NodeManager's own.
/// <see cref="ProcessEnvironment"/> is what DefaultContainerExecutor hands the process (nothing inherited);
/// whitelisted variables reach the container only through the script, with the NodeManager's values as defaults.
/// </summary>
internal sealed class ContainerEnvironment
{
    /// <summary><c>yarn.nodemanager.admin-env</c>'s default: the NodeManager's own value, empty when it has none.</summary>
    public const string MallocArenaMax = "MALLOC_ARENA_MAX";

    private readonly Dictionary<string, string> _all = new(StringComparer.Ordinal);
    private readonly List<string> _nmVars = [];

    /// <param name="launchEnvironment">The launch context's variables, placeholders already expanded, in wire order.</param>
    /// <param name="nodeManagerEnv">Reads the NodeManager process's own environment.</param>
    public ContainerEnvironment(IEnumerable<KeyValuePair<string, string>> launchEnvironment, Func<string, string?> nodeManagerEnv)
    {
        NodeManagerEnv = nodeManagerEnv;
        foreach (var (k, v) in launchEnvironment)
        {
            _all[k] = v;
        }
    }

    private Func<string, string?> NodeManagerEnv { get; }

    /// <summary>Adds the admin variables, which override the container's (<c>yarn.nodemanager.admin-env</c>).</summary>
    public void AddAdminEnv() => _all[MallocArenaMax] = NodeManagerEnv(MallocArenaMax) ?? "";

    /// <summary>A variable the NodeManager sets; written right after the whitelisted ones, in the order added.</summary>
    public void AddNodeManagerVar(string key, string value)
    {
        _all[key] = value;
        if (!_nmVars.Contains(key))
        {
            _nmVars.Add(key);
        }
    }

    public IReadOnlyDictionary<string, string> ProcessEnvironment => _all;

    /// <summary>Whitelisted variables the container did not set and the NodeManager has a value for.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Whitelisted(IEnumerable<string> whitelist) =>
        [.. whitelist.Where(k => !_all.ContainsKey(k))
            .Select(k => (key: k, value: NodeManagerEnv(k)))
            .Where(e => e.value is not null)
            .Select(e => new KeyValuePair<string, string>(e.key, e.value!))];

    public IReadOnlyList<KeyValuePair<string, string>> NodeManagerVars => [.. _nmVars.Select(k => new KeyValuePair<string, string>(k, _all[k]))];

    /// <summary>Everything else, dependencies first, otherwise in Java's HashMap order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Remaining =>
        [.. EnvDependencies.Order([.. _all]).Where(e => !_nmVars.Contains(e.Key))];
}
