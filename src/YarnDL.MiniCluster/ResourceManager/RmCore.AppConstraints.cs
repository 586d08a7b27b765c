using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.MiniCluster.ResourceManager;

internal sealed partial class RmCore
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, PlacementConstraintProto>> _appConstraints = new(StringComparer.Ordinal);

    /// <summary>MemoryPlacementConstraintManager.registerApplication: the constraints an AM gave at registration, by source
    /// tag. An application already registered keeps what it has.</summary>
    public void RegisterAppConstraints(string appId, IReadOnlyDictionary<string, PlacementConstraintProto> byTag)
    {
        lock (_gate) _appConstraints.TryAdd(appId, byTag);
    }

    /// <summary>The application-level constraint for a request's source tags: only a single tag has one (getConstraint).</summary>
    public PlacementConstraintProto? AppConstraint(string appId, IReadOnlyList<string> sourceTags)
    {
        lock (_gate)
        {
            return sourceTags.Count == 1 && _appConstraints.TryGetValue(appId, out var byTag) ? byTag.GetValueOrDefault(sourceTags[0]) : null;
        }
    }

    /// <summary>finishApplicationMaster forgets the application's constraints.</summary>
    public void UnregisterAppConstraints(string appId)
    {
        lock (_gate) _appConstraints.Remove(appId);
    }

    /// <summary>A restarted RM starts with an empty constraint manager; re-registering AMs give their constraints again.</summary>
    private void ForgetAppConstraintsLocked() => _appConstraints.Clear();
}
