namespace YarnDL.Admin.Checks.Rules;

/// <summary>
/// yarndl asks for anti-affinity roles with SchedulingRequests; the CapacityScheduler takes them only when the RM's
/// placement-constraints handler is <c>scheduler</c> (or <c>placement-processor</c>). Hadoop's default, <c>disabled</c>,
/// rejects every allocate call that carries one.
/// </summary>
internal sealed class PlacementHandlerRule : IConfigRule
{
    private const string Property = "yarn.resourcemanager.placement-constraints.handler";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (!config.UsesCapacityScheduler)
        {
            yield break;
        }

        var value = config.YarnSite.Get(Property)?.Trim();
        if (value is "scheduler" or "placement-processor")
        {
            yield break;
        }

        yield return FindingFactory.At(config.YarnSite, Property, RuleIds.PlacementConstraintsDisabled, Severity.Warning,
            $"{(value is null ? "not set (Hadoop's default 'disabled')" : $"'{value}'")}: the RM rejects SchedulingRequests, so jobs with placement.anti-affinity fail at their first allocation",
            $"set {Property}=scheduler in yarn-site.xml and restart the RM");
    }
}
