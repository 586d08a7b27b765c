using System.Text.Json;
using YarnDL.Admin.Checks;
using YarnDL.Admin.Output;

namespace YarnDL.UnitTests.Admin;

public sealed class FindingFormatterTests
{
    [Fact]
    public void Text_is_file_line_property_problem_dash_fix()
    {
        var f = new Finding(Severity.Error, "conf/yarn-site.xml", 12, "yarn.nodemanager.resource-plugins", "not set", "set it to yarn.io/gpu", RuleIds.ResourcePluginMissing);

        Assert.Equal("conf/yarn-site.xml:12: yarn.nodemanager.resource-plugins: not set \u2014 set it to yarn.io/gpu", FindingFormatter.ToText(f));
    }

    [Fact]
    public void Text_adds_the_column_when_known()
    {
        var f = new Finding(Severity.Error, "y.xml", 4, "y.xml", "malformed XML: bad end tag", "fix it", RuleIds.MalformedFile, Column: 15);

        Assert.StartsWith("y.xml:4:15: y.xml: malformed XML", FindingFormatter.ToText(f), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_every_field_and_the_exit_code()
    {
        var report = new CheckReport([new Finding(Severity.Warning, "c.cfg", 3, "[docker] docker.trusted.registries", "p", "f", RuleIds.UntrustedRegistries)], InputUnreadable: false);

        using var doc = JsonDocument.Parse(FindingFormatter.ToJson(report));
        var f = doc.RootElement.GetProperty("findings")[0];

        Assert.Equal(2, doc.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal("warning", f.GetProperty("severity").GetString());
        Assert.Equal("no-trusted-registries", f.GetProperty("ruleId").GetString());
        Assert.Equal("c.cfg", f.GetProperty("file").GetString());
        Assert.Equal(3, f.GetProperty("line").GetInt32());
        Assert.Equal("[docker] docker.trusted.registries", f.GetProperty("property").GetString());
        Assert.False(f.TryGetProperty("column", out _));
    }
}
