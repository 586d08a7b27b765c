using YarnDL.Client.Submit;
using YarnDL.Spec.Loading;

namespace YarnDL.UnitTests.Client;

public sealed class ContainerPackingTests
{
    private static (YarnDL.Spec.Model.JobSpec Spec, SpecLocator Locator) Job(string worker, string placement = "{}")
    {
        var yaml = $"""
            name: t
            image: img:1
            command: ./train.sh
            am: {"{"} memory: 1g, vcores: 1 {"}"}
            roles:
              worker: {worker}
            placement: {placement}
            """;
        return (JobSpecLoader.Load(yaml), SpecLocator.For(yaml, "job.yaml"));
    }

    private static ClusterNodes Nodes(params (string Id, long Mb, long Cores, long Gpus)[] nodes) =>
        new([.. nodes.Select(n => new ClusterNode(n.Id, "", null) { Capacity = new NodeCapacity(n.Mb, n.Cores, n.Gpus) })]);

    [Fact]
    public void Three_5g_workers_on_two_8g_nodes_never_start_and_the_problem_names_the_role_and_the_largest_node()
    {
        var (spec, locator) = Job("{ instances: 3, memory: 5g, vcores: 1 }");

        var problem = Assert.Single(ContainerPacking.Check(spec, Nodes(("n1:8041", 8192, 8, 0), ("n2:8041", 8192, 8, 0)), locator));

        Assert.Matches(@"^job\.yaml:\d+:\d+: role 'worker' cannot be placed", problem);
        Assert.Contains("the largest running node, n1:8041, has 8192m, 8 vcores and 0 GPU(s)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpus_are_packed_per_node_not_summed()
    {
        var (spec, _) = Job("{ instances: 2, memory: 2g, vcores: 1, gpus: 3 }");

        Assert.Single(ContainerPacking.Check(spec, Nodes(("n1:8041", 16384, 16, 4), ("n2:8041", 16384, 16, 2))));
        Assert.Empty(ContainerPacking.Check(spec, Nodes(("n1:8041", 16384, 16, 4), ("n2:8041", 16384, 16, 4))));
    }

    [Fact]
    public void A_container_larger_than_every_node_says_so()
    {
        var (spec, _) = Job("{ instances: 1, memory: 12g, vcores: 1 }");

        var problem = Assert.Single(ContainerPacking.Check(spec, Nodes(("n1:8041", 8192, 8, 0))));

        Assert.StartsWith("role 'worker' asks for 12288m, 1 vcores and 0 GPU(s) per container, but the largest running node, n1:8041", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Anti_affinity_instances_take_distinct_nodes_and_unsized_nodes_skip_the_check()
    {
        var (spec, _) = Job("{ instances: 2, memory: 1g, vcores: 1 }", "{ anti-affinity: [worker] }");

        Assert.Single(ContainerPacking.Check(spec, Nodes(("n1:8041", 65536, 64, 0))));
        Assert.Empty(ContainerPacking.Check(spec, Nodes(("n1:8041", 8192, 8, 0), ("n2:8041", 8192, 8, 0))));
        Assert.Empty(ContainerPacking.Check(spec, new ClusterNodes([new ClusterNode("n1:8041", "", null)])));
    }
}
