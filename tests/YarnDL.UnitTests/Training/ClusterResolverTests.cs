using YarnDL.Training.Cluster;

namespace YarnDL.UnitTests.Training;

public sealed class ClusterResolverTests
{
    [Fact]
    public void FromTfConfig_RanksChiefThenWorkers_AndLeavesPsUnranked()
    {
        const string tf = "{\"cluster\":{\"chief\":[\"h0:1\"],\"worker\":[\"h1:2\",\"h2:3\"],\"ps\":[\"h3:4\"]},\"task\":{\"type\":\"worker\",\"index\":1}}";

        var c = ClusterResolver.FromTfConfig(tf, false);
        var ps = ClusterResolver.FromTfConfig(tf.Replace("\"type\":\"worker\",\"index\":1", "\"type\":\"ps\",\"index\":0", StringComparison.Ordinal), false);

        Assert.Equal(2, c.Rank);
        Assert.Equal(3, c.WorldSize);
        Assert.Equal(["h0:1", "h1:2", "h2:3"], c.RingPeers);
        Assert.Equal("h2:3", c.Self);
        Assert.Equal(-1, ps.Rank);
    }

    [Fact]
    public void FromEnvironment_RankWorld_UsesConsecutivePortsFromMasterPort()
    {
        var env = new Dictionary<string, string> { ["RANK"] = "1", ["WORLD_SIZE"] = "3", ["MASTER_ADDR"] = "10.0.0.5", ["MASTER_PORT"] = "4000" };

        var c = ClusterResolver.FromEnvironment(n => env.GetValueOrDefault(n));

        Assert.Equal(1, c.Rank);
        Assert.Equal(["10.0.0.5:4000", "10.0.0.5:4001", "10.0.0.5:4002"], c.RingPeers);
        Assert.Equal("10.0.0.5:4001", c.Self);
        Assert.Same(ClusterInfo.Standalone, ClusterResolver.FromEnvironment(_ => null));
    }
}
