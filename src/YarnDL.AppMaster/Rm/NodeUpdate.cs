namespace YarnDL.AppMaster.Rm;

/// <summary>
/// One entry of an allocate response's updated_nodes: a node whose state changed since the AM's last heartbeat (Hadoop's RM
/// reports a node once it becomes usable, e.g. on (re-)registering, or unusable: LOST, UNHEALTHY, DECOMMISSIONED, SHUTDOWN).
/// </summary>
/// <param name="NodeId"><c>host:port</c>.</param>
/// <param name="State">NodeState without its <c>NS_</c> prefix: RUNNING, LOST, UNHEALTHY, DECOMMISSIONED, …</param>
/// <param name="Capability">What the node can hold in all.</param>
/// <param name="HealthReport">The NodeManager's health report (why an UNHEALTHY node is), or empty.</param>
internal sealed record NodeUpdate(string NodeId, string State, Capability Capability, string HealthReport)
{
    /// <summary>True for the states in which the RM schedules nothing on the node and its containers are gone or going.</summary>
    public bool IsUnusable => State is "LOST" or "UNHEALTHY" or "DECOMMISSIONED" or "SHUTDOWN";

    /// <summary>The cause as the user is told it, e.g. <c>node h:8041 lost (the RM reports it LOST)</c>.</summary>
    public string Cause => State switch
    {
        "LOST" => $"node {NodeId} lost (the RM reports it LOST: it stopped heartbeating)",
        "DECOMMISSIONED" => $"node {NodeId} decommissioned by the cluster admin",
        "UNHEALTHY" => $"node {NodeId} unhealthy" + (string.IsNullOrWhiteSpace(HealthReport) ? "" : $" ({HealthReport.Trim()})"),
        "SHUTDOWN" => $"node {NodeId} shut down",
        _ => $"node {NodeId} {State}",
    };
}
