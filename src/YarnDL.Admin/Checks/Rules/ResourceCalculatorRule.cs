namespace YarnDL.Admin.Checks.Rules;

/// <summary>CapacityScheduler's DefaultResourceCalculator only counts memory: GPU asks are silently dropped.</summary>
internal sealed class ResourceCalculatorRule : IConfigRule
{
    private const string Property = "yarn.scheduler.capacity.resource-calculator";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        if (!config.UsesCapacityScheduler)
        {
            yield break;
        }

        const string Fix = $"set {Property} to {ConfigFileNames.DominantResourceCalculator} in capacity-scheduler.xml and restart the RM (or yarn rmadmin -refreshQueues)";
        if (config.CapacityScheduler is not { } cs)
        {
            yield return new Finding(Severity.Error, Path.Combine(Path.GetDirectoryName(config.YarnSite.Path) ?? ".", ConfigFileNames.CapacityScheduler),
                1, Property, "capacity-scheduler.xml is missing, so the DefaultResourceCalculator is used and containers get no GPUs",
                Fix, RuleIds.DefaultResourceCalculator);
            yield break;
        }

        string? value = cs.Get(Property);
        if (value == ConfigFileNames.DominantResourceCalculator)
        {
            yield break;
        }

        string problem = value is null
            ? "not set: the DefaultResourceCalculator counts memory only, so GPUs are silently not allocated"
            : $"'{value}' counts memory only, so GPUs are silently not allocated";
        yield return FindingFactory.At(cs, Property, RuleIds.DefaultResourceCalculator, Severity.Error, problem, Fix);
    }
}
