namespace YarnDL.Spec.Placement;

/// <summary>The operator of a node attribute expression, as Hadoop's NodeAttributeOpCode (EQ = 2, NE = 3 on the wire).</summary>
public enum NodeAttributeOp
{
    /// <summary><c>name=value</c>: the node has the attribute with this value.</summary>
    Equal,

    /// <summary><c>name!=value</c>: the node lacks the attribute or has another value.</summary>
    NotEqual,
}
