namespace YarnDL.Admin.Checks.Rules;

/// <summary>FairScheduler queues count GPUs only under the <c>drf</c> policy.</summary>
internal sealed class FairSchedulerPolicyRule : IConfigRule
{
    private const string Element = "defaultQueueSchedulingPolicy";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (!config.UsesFairScheduler)
        {
            yield break;
        }

        if (config.FairAllocation is not { } fa)
        {
            yield return new Finding(Severity.Error, Path.Combine(Path.GetDirectoryName(config.YarnSite.Path) ?? ".", ConfigFileNames.FairScheduler),
                1, Element, "the FairScheduler allocation file is missing, so queues use the 'fair' policy and ignore GPUs",
                "create fair-scheduler.xml with <defaultQueueSchedulingPolicy>drf</defaultQueueSchedulingPolicy> (see yarn-site-examples/fair-scheduler)",
                RuleIds.FairNotDrf);
            yield break;
        }

        if (!string.Equals(fa.DefaultPolicy, "drf", StringComparison.OrdinalIgnoreCase))
        {
            string problem = fa.DefaultPolicy is null
                ? "not set: queues default to the 'fair' policy, which schedules on memory only, so GPUs are not counted"
                : $"'{fa.DefaultPolicy}' schedules on memory only, so GPUs are not counted";
            yield return new Finding(Severity.Error, fa.Path, fa.DefaultPolicy is null ? fa.RootLine : fa.DefaultPolicyLine, Element,
                problem, "set <defaultQueueSchedulingPolicy>drf</defaultQueueSchedulingPolicy> in the allocation file", RuleIds.FairNotDrf);
        }

        foreach (var (queue, policy, line) in fa.QueuePolicies)
        {
            if (!string.Equals(policy, "drf", StringComparison.OrdinalIgnoreCase))
            {
                yield return new Finding(Severity.Error, fa.Path, line, $"queue {queue} schedulingPolicy",
                    $"'{policy}' does not count GPUs", "use <schedulingPolicy>drf</schedulingPolicy> (or remove it to inherit drf)", RuleIds.FairNotDrf);
            }
        }
    }
}
