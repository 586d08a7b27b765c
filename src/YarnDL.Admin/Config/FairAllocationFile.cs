namespace YarnDL.Admin.Config;

/// <summary>The parts of a FairScheduler allocation file (fair-scheduler.xml) the checker needs.</summary>
/// <param name="DefaultPolicy">Text of <c>&lt;defaultQueueSchedulingPolicy&gt;</c>, or null.</param>
/// <param name="QueuePolicies">Each queue's <c>&lt;schedulingPolicy&gt;</c> with its queue name and line.</param>
public sealed record FairAllocationFile(
    string Path,
    int RootLine,
    string? DefaultPolicy,
    int DefaultPolicyLine,
    IReadOnlyList<(string Queue, string Policy, int Line)> QueuePolicies);
