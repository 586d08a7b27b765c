using YarnDL.Admin.Config;

namespace YarnDL.UnitTests.Admin;

public sealed class ContainerExecutorConfigParserTests
{
    [Fact]
    public void Keys_belong_to_their_section_with_line_numbers()
    {
        const string Text = "# comment\nyarn.nodemanager.linux-container-executor.group=hadoop\n\n[gpu]\nmodule.enabled = true\n[Docker]\ndocker.allowed.runtimes=nvidia,runc\r\n";

        var cfg = ContainerExecutorConfigParser.Parse("ce.cfg", Text);

        Assert.Equal("hadoop", cfg.Get("", "yarn.nodemanager.linux-container-executor.group"));
        Assert.Equal(new ContainerExecutorEntry("gpu", "module.enabled", "true", 5), cfg.Find("gpu", "module.enabled"));
        Assert.Equal("nvidia,runc", cfg.Get("docker", "docker.allowed.runtimes"));
        Assert.Equal(6, cfg.LineFor("docker"));
        Assert.Equal(1, cfg.LineFor("cgroups"));
        Assert.Null(cfg.Get("docker", "module.enabled"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void Module_switch_values(string? value, bool on) => Assert.Equal(on, ContainerExecutorConfig.IsOn(value));

    [Fact]
    public void Line_without_equals_is_malformed()
    {
        var e = Assert.Throws<ConfigParseException>(() => ContainerExecutorConfigParser.Parse("ce.cfg", "[gpu]\nmodule.enabled true\n"));

        Assert.Equal(2, e.Line);
        Assert.Equal(1, e.Column);
    }

    [Fact]
    public void Unclosed_section_header_is_malformed()
    {
        var e = Assert.Throws<ConfigParseException>(() => ContainerExecutorConfigParser.Parse("ce.cfg", "a=b\n[docker\n"));

        Assert.Equal(2, e.Line);
    }
}
