using YarnDL.Admin.Names;

namespace YarnDL.UnitTests.Admin;

public sealed class YarnPropertyNamesTests
{
    private static readonly YarnPropertyNames Names = YarnPropertyNames.Default;

    [Theory]
    [InlineData("yarn.nodemanager.resource-plugins")]
    [InlineData("yarn.nodemanager.resource-plugins.gpu.docker-plugin")]
    [InlineData("yarn.nodemanager.runtime.linux.allowed-runtimes")]
    [InlineData("yarn.resource-types")]
    [InlineData("yarn.nodemanager.linux-container-executor.group")]
    [InlineData("yarn.resourcemanager.hostname.rm1")]
    [InlineData("yarn.scheduler.capacity.root.default.capacity")]
    [InlineData("yarn.nodemanager.aux-services.spark_shuffle.class")]
    public void Real_names_are_known(string name) => Assert.True(Names.IsKnown(name));

    [Theory]
    [InlineData("yarn.nodemanager.resource-plugin", "yarn.nodemanager.resource-plugins")]
    [InlineData("yarn.nodemanager.runtime.linux.allowed-runtime", "yarn.nodemanager.runtime.linux.allowed-runtimes")]
    [InlineData("yarn.nodemanager.container-exeuctor.class", "yarn.nodemanager.container-executor.class")]
    [InlineData("yarn.resourcemanger.scheduler.class", "yarn.resourcemanager.scheduler.class")]
    public void Typos_get_the_real_name(string typo, string real)
    {
        Assert.False(Names.IsKnown(typo));
        Assert.Equal(real, Names.SuggestFor(typo));
    }

    [Fact]
    public void Unrelated_name_gets_no_suggestion() => Assert.Null(Names.SuggestFor("yarn.some.future.feature.switch"));

    [Fact]
    public void Embedded_list_is_loaded() => Assert.True(Names.All.Count > 500);
}
