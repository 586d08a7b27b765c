namespace YarnDL.Spec.Placement;

/// <summary>A parsed node attribute expression and the key path it was written at (<c>roles.worker.node-attributes[1]</c>).</summary>
public sealed record NodeAttributeSource(NodeAttributeExpression Expression, string Path);
