using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.UnitTests.MiniCluster;

public sealed class ModelTests
{
    // Id forms as Hadoop's ApplicationId/ContainerId toString write them.
    [Fact]
    public void Ids_follow_hadoop_string_forms()
    {
        Assert.Equal("application_1700000000000_0001", YarnIds.App(1700000000000, 1));
        Assert.Equal("application_1700000000000_12345", YarnIds.App(1700000000000, 12345));
        Assert.Equal("appattempt_1700000000000_0001_000001", YarnIds.Attempt(1700000000000, 1, 1));
        Assert.Equal("container_1700000000000_0001_01_000001", YarnIds.Container(1700000000000, 1, 1, 1, 0));
        Assert.Equal("container_e17_1700000000000_0001_01_000005", YarnIds.Container(1700000000000, 1, 1, 5, 17));
    }

    [Theory]
    [InlineData("application_1700000000000_0042", true)]
    [InlineData("application_1700000000000", false)]
    [InlineData("app_1700000000000_0042", false)]
    [InlineData("application_x_0042", false)]
    public void TryParseApp_accepts_only_the_application_form(string text, bool ok) =>
        Assert.Equal(ok, YarnIds.TryParseApp(text, out _, out _));

    [Fact]
    public void Normalize_rounds_up_to_minimum_allocation_and_keeps_gpus()
    {
        Assert.Equal(new Resource(2048, 1, 2), new Resource(1500, 0, 2).Normalize(1024, 1));
        Assert.Equal(new Resource(1024, 3, 0), new Resource(0, 3, 0).Normalize(1024, 1));
    }

    [Fact]
    public void Node_hands_out_lowest_free_gpu_indices_and_refuses_overallocation()
    {
        var node = new NodeRecord { Host = "h", RpcPort = 1, HttpPort = 2, Total = new Resource(8192, 8, 4), LocalDir = "", LogDir = "" };
        Assert.Equal([0, 1], node.TakeGpus(2, "c1"));
        Assert.Equal([2], node.TakeGpus(1, "c2"));
        Assert.Throws<InvalidOperationException>(() => node.TakeGpus(2, "c3"));
    }

    [Fact]
    public void Expand_replaces_log_dir_cps_and_cross_platform_vars()
    {
        var s = ContainerLauncher.Expand("{{JAVA_HOME}}/bin/java -cp a<CPS>b 1><LOG_DIR>/stdout", "/logs/c1");
        Assert.Equal("$JAVA_HOME/bin/java -cp a:b 1>/logs/c1/stdout", s);
    }
}
