namespace YarnDL.Admin.Checks.Rules;

/// <summary>The RM, NMs and clients must all know the GPU resource type (resource-types.xml <c>yarn.resource-types</c>).</summary>
internal sealed class GpuResourceTypeRule : IConfigRule
{
    private const string Property = "yarn.resource-types";

    public IEnumerable<Finding> Check(ConfigSet config)
    {
        string expected = config.UsesPluggableDeviceFramework ? ConfigFileNames.PluggableGpuResource : ConfigFileNames.GpuResource;
        var found = config.Lookup(Property);
        if (found is { } f && ConfigValues.ListContains(f.Property.Value, expected))
        {
            yield break;
        }

        var file = found?.File ?? config.ResourceTypesHome;
        string problem = found is null || string.IsNullOrWhiteSpace(found.Value.Property.Value)
            ? $"empty or not set, so no resource type '{expected}' exists and GPU requests fail with 'Unknown resource'"
            : $"'{found.Value.Property.Value}' does not list '{expected}', so GPU requests fail with 'Unknown resource'";
        yield return FindingFactory.At(file, Property, RuleIds.GpuResourceTypeMissing, Severity.Error, problem,
            $"set {Property} to include {expected} in resource-types.xml and copy the file to the RM, every NM and every client");
    }
}
