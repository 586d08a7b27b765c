using System.Text.RegularExpressions;
using YarnDL.Admin.Checks;

namespace YarnDL.UnitTests.Admin;

/// <summary>
/// A NodeManager reports GPUs through the yarn.io/gpu plugin or as a countable resource in node-resources.xml; check-config
/// tells the two apart and says "0 GPUs" only when neither is configured.
/// </summary>
public sealed partial class GpuDeclarationTests
{
    private static TempDir WithoutPlugin()
    {
        var dir = new TempDir();
        dir.CopyFrom(Path.Combine(AdminPaths.Examples, "cgroups-no-docker"));
        var site = Path.Combine(dir.Path, "yarn-site.xml");
        File.WriteAllText(site, PluginProperty().Replace(File.ReadAllText(site), string.Empty));
        return dir;
    }

    [Fact]
    public void Plugin_sample_reports_no_missing_gpus()
    {
        var report = new ConfigChecker().Check(Path.Combine(AdminPaths.Examples, "cgroups-no-docker"));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.ResourcePluginMissing);
    }

    [Fact]
    public void Gpus_declared_as_a_countable_resource_in_node_resources_xml_are_not_0_gpus()
    {
        using var dir = WithoutPlugin();
        File.WriteAllText(Path.Combine(dir.Path, "node-resources.xml"), """
            <?xml version="1.0"?>
            <configuration>
              <property><name>yarn.nodemanager.resource-type.yarn.io/gpu</name><value>4</value></property>
            </configuration>
            """);

        var report = new ConfigChecker().Check(dir.Path);

        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleIds.ResourcePluginMissing);
        Assert.Contains("node-resources.xml", report.FilesRead);
    }

    [Fact]
    public void Neither_plugin_nor_count_is_0_gpus_and_says_both_ways_to_fix_it()
    {
        using var dir = WithoutPlugin();

        var finding = Assert.Single(new ConfigChecker().Check(dir.Path).Findings, f => f.RuleId == RuleIds.ResourcePluginMissing);

        Assert.Contains("so NodeManagers report 0 GPUs", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("yarn.nodemanager.resource-type.yarn.io/gpu = N in its node-resources.xml", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_that_is_not_a_number_names_the_file_and_property()
    {
        using var dir = WithoutPlugin();
        File.WriteAllText(Path.Combine(dir.Path, "node-resources.xml"), """
            <configuration>
              <property><name>yarn.nodemanager.resource-type.yarn.io/gpu</name><value>four</value></property>
            </configuration>
            """);

        var finding = Assert.Single(new ConfigChecker().Check(dir.Path).Findings, f => f.RuleId == RuleIds.ResourcePluginMissing);

        Assert.EndsWith("node-resources.xml", finding.File, StringComparison.Ordinal);
        Assert.Equal("yarn.nodemanager.resource-type.yarn.io/gpu", finding.Property);
    }

    [GeneratedRegex(@"<property>(?:(?!</property>).)*?<name>yarn\.nodemanager\.resource-plugins</name>.*?</property>", RegexOptions.Singleline)]
    private static partial Regex PluginProperty();
}
