namespace YarnDL.TaskProtocol;

/// <summary>Who a task is: cluster, role, index and the cluster generation it was started for.</summary>
public sealed record TaskIdentity(string ClusterId, string Role, int Index, int Generation)
{
    public override string ToString() => $"{ClusterId}/{Role}:{Index} (gen {Generation})";
}
