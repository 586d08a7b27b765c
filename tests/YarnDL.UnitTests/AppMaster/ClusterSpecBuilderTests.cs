using YarnDL.AppMaster.Clusters;

namespace YarnDL.UnitTests.AppMaster;

public sealed class ClusterSpecBuilderTests
{
    [Fact]
    public void ParameterServerCluster_RanksChiefThenWorkers_AndPsIsUnranked()
    {
        var cluster = new Dictionary<string, IReadOnlyList<string>>
        {
            ["ps"] = ["p:1"],
            ["worker"] = ["w0:1", "w1:1"],
            ["chief"] = ["c:7"],
        };
        Assert.Equal(2, ClusterSpecBuilder.For(cluster, "worker", 1, false).Rank);
        Assert.Equal(3, ClusterSpecBuilder.For(cluster, "worker", 1, false).WorldSize);
        var ps = ClusterSpecBuilder.For(cluster, "ps", 0, false);
        Assert.Equal(-1, ps.Rank);
        Assert.Equal("c", ps.MasterAddr);
        Assert.Equal(7, ps.MasterPort);
        Assert.Equal("""{"cluster":{"chief":["c:7"],"ps":["p:1"],"worker":["w0:1","w1:1"]},"task":{"type":"ps","index":0}}""", ps.TfConfig);
    }
}
