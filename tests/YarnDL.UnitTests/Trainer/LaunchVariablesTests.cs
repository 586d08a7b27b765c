using System.Text.Json;
using YarnDL.TaskProtocol;
using YarnDL.Trainer.Launcher;

namespace YarnDL.UnitTests.Trainer;

public sealed class LaunchVariablesTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Cluster = new(StringComparer.Ordinal)
    {
        ["worker"] = ["w0:2001", "w1:2002"],
        ["ps"] = ["p0:3001"],
        ["chief"] = ["c0:1001"],
        ["evaluator"] = ["e0:4001"],
    };

    [Fact]
    public void Worker_1_gets_tensorflows_tf_config_without_the_evaluator_and_rank_2_behind_the_chief()
    {
        var v = LaunchVariables.For(Cluster, "worker", 1, 2002);

        // TensorFlow's layout: the training cluster by role, this task's type and index; the evaluator stays outside.
        Assert.Equal(
            """{"cluster":{"chief":["c0:1001"],"ps":["p0:3001"],"worker":["w0:2001","w1:2002"]},"task":{"type":"worker","index":1}}""",
            v[ClusterEnv.TfConfig]);
        Assert.Equal("2", v[ClusterEnv.Rank]);
        Assert.Equal("3", v[ClusterEnv.WorldSize]);
        Assert.Equal("0", v[ClusterEnv.LocalRank]);
        Assert.Equal("1", v[ClusterEnv.LocalWorldSize]);
        Assert.Equal("c0", v[ClusterEnv.MasterAddr]);
        Assert.Equal("1001", v[ClusterEnv.MasterPort]);
        Assert.Equal("2002", v[ClusterEnv.TaskPort]);
    }

    [Fact]
    public void Chief_is_rank_0_and_the_master()
    {
        var v = LaunchVariables.For(Cluster, "chief", 0, 1001);

        Assert.Equal("0", v[ClusterEnv.Rank]);
        Assert.Equal("c0", v[ClusterEnv.MasterAddr]);
        Assert.Equal("1001", v[ClusterEnv.MasterPort]);
        using var tf = JsonDocument.Parse(v[ClusterEnv.TfConfig]!);
        Assert.Equal("chief", tf.RootElement.GetProperty("task").GetProperty("type").GetString());
        Assert.Equal(0, tf.RootElement.GetProperty("task").GetProperty("index").GetInt32());
    }

    [Theory]
    [InlineData("ps", 0, 3001)]
    [InlineData("evaluator", 0, 4001)]
    public void Ps_and_evaluator_are_outside_the_world_so_their_rank_variables_are_unset(string role, int index, int port)
    {
        var v = LaunchVariables.For(Cluster, role, index, port);

        Assert.Null(v[ClusterEnv.Rank]);
        Assert.Null(v[ClusterEnv.LocalRank]);
        Assert.Null(v[ClusterEnv.LocalWorldSize]);
        Assert.Equal("3", v[ClusterEnv.WorldSize]);
        Assert.Equal("c0", v[ClusterEnv.MasterAddr]);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), v[ClusterEnv.TaskPort]);
    }

    [Fact]
    public void Evaluator_sees_only_the_evaluators_as_tensorflows_sidecar_evaluator_expects()
    {
        var v = LaunchVariables.For(Cluster, "evaluator", 0, 4001);

        Assert.Equal("""{"cluster":{"evaluator":["e0:4001"]},"task":{"type":"evaluator","index":0}}""", v[ClusterEnv.TfConfig]);
    }

    [Fact]
    public void Without_a_chief_worker_0_is_rank_0_and_the_master()
    {
        var workersOnly = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["worker"] = ["w0:2001", "w1:2002"], ["ps"] = ["p0:3001"] };

        var v = LaunchVariables.For(workersOnly, "worker", 1, 2002);

        Assert.Equal("1", v[ClusterEnv.Rank]);
        Assert.Equal("2", v[ClusterEnv.WorldSize]);
        Assert.Equal("w0", v[ClusterEnv.MasterAddr]);
        Assert.Equal("2001", v[ClusterEnv.MasterPort]);
    }

    [Fact]
    public void Without_ranked_roles_there_is_no_master()
    {
        var psOnly = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["ps"] = ["p0:3001"] };

        var v = LaunchVariables.For(psOnly, "ps", 0, 3001);

        Assert.Equal("0", v[ClusterEnv.WorldSize]);
        Assert.Null(v[ClusterEnv.MasterAddr]);
        Assert.Null(v[ClusterEnv.MasterPort]);
    }
}
