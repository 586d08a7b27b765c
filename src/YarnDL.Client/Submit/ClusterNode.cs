namespace YarnDL.Client.Submit;

/// <summary>A RUNNING node as placement sees it: its partition ("" = default) and attributes by <c>prefix/name</c>
/// (null when the RM does not report node attributes).</summary>
public sealed record ClusterNode(string Id, string Partition, IReadOnlyDictionary<string, string>? Attributes)
{
    /// <summary>What the node can hold in all (null when the RM does not report <c>totalResource</c>).</summary>
    public NodeCapacity? Capacity { get; init; }
}
