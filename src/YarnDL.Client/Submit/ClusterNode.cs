namespace YarnDL.Client.Submit;

/// <summary>A RUNNING node as placement sees it: its partition ("" = default) and attributes by <c>prefix/name</c>
/// (null when the RM does not report node attributes).</summary>
public sealed record ClusterNode(string Id, string Partition, IReadOnlyDictionary<string, string>? Attributes);
