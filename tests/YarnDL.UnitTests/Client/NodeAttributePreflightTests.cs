using System.Net;
using YarnDL.Client.Submit;
using YarnDL.Spec.Loading;
using YarnDL.UnitTests.Rest;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Client;

/// <summary>Node attributes against the RM's running nodes, read from GET /ws/v1/cluster/nodes in Hadoop's shape (NodeInfo.nodeAttributesInfo).</summary>
public sealed class NodeAttributePreflightTests
{
    private static string Node(string id, string? label, params (string Prefix, string Name, string Value)[] attributes)
    {
        var labels = label is null ? "[]" : $"[\"{label}\"]";
        var info = attributes.Length == 0
            ? "{}"
            : "{\"nodeAttributeInfo\":[" + string.Join(",", attributes.Select(a => $$"""{"prefix":"{{a.Prefix}}","name":"{{a.Name}}","type":"STRING","value":"{{a.Value}}"}""")) + "]}";
        return $$"""{"id":"{{id}}","state":"RUNNING","nodeLabels":{{labels}},"nodeAttributesInfo":{{info}}}""";
    }

    private static async Task<ClusterNodes> NodesAsync(params string[] nodes)
    {
        var json = """{"nodes":{"node":[""" + string.Join(",", nodes) + """,{"id":"lost:1","state":"LOST","nodeAttributesInfo":{}}]}}""";
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/nodes", () => Json(HttpStatusCode.OK, json));
        var nodesRead = await ClusterNodes.TryGetAsync(RmRestClientTests.Client(h, "rm1:8088"), default);
        Assert.StartsWith("?states=RUNNING", h.Requests.Single().Uri.Query, StringComparison.Ordinal);
        return nodesRead!;
    }

    private static readonly string[] ThreeNodes =
    [
        Node("n1:1", null, ("nm.yarn.io", "gpu-model", "V100"), ("rm.yarn.io", "os", "centos7")),
        Node("n2:1", null, ("nm.yarn.io", "gpu-model", "V100")),
        Node("n3:1", null),
    ];

    private static (YarnDL.Spec.Model.JobSpec Spec, SpecLocator Locator) Job(string roles, string placement = "{}")
    {
        var yaml = $"""
            name: t
            image: img:1
            command: ./train.sh
            roles:
            {roles}
            placement: {placement}
            """;
        return (JobSpecLoader.Load(yaml), SpecLocator.For(yaml, "job.yaml"));
    }

    [Fact]
    public async Task An_equal_no_node_meets_names_the_role_the_expression_and_the_values_the_nodes_have()
    {
        var (spec, locator) = Job("  worker: { instances: 2, node-attributes: [nm.yarn.io/gpu-model=A100] }");

        var report = NodeAttributePreflight.Check(spec, await NodesAsync(ThreeNodes), locator);

        // Line 5 is "  worker: { instances: 2, node-attributes: [nm.yarn.io/gpu-model=A100] }": the item starts at column 45.
        Assert.Equal(
            ["job.yaml:5:45: role 'worker' needs node attribute nm.yarn.io/gpu-model=A100, but no running node in the default partition has it: nm.yarn.io/gpu-model is V100 on 2 node(s), unset on 1 node(s); YARN would keep the containers pending forever"],
            report.Problems);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public async Task An_attribute_no_node_has_lists_the_attributes_they_do_have_and_a_placement_one_names_every_role_once()
    {
        var (spec, _) = Job("  chief: { instances: 1 }\n  worker: { instances: 2 }", "{ node-attributes: [gpu-model=A100] }");

        var problem = Assert.Single(NodeAttributePreflight.Check(spec, await NodesAsync(ThreeNodes)).Problems);

        Assert.Equal(
            "roles 'chief', 'worker' need node attribute rm.yarn.io/gpu-model=A100, but no running node in the default partition has it: none of its 3 node(s) has rm.yarn.io/gpu-model (their attributes: nm.yarn.io/gpu-model, rm.yarn.io/os); YARN would keep the containers pending forever",
            problem);
    }

    [Fact]
    public async Task Only_nodes_of_the_job_partition_count()
    {
        var nodes = await NodesAsync(Node("n1:1", "gpu", ("nm.yarn.io", "gpu-model", "T4")), Node("n2:1", null, ("nm.yarn.io", "gpu-model", "A100")));
        var (spec, _) = Job("  worker: { instances: 1, node-attributes: [nm.yarn.io/gpu-model=A100] }", "{ node-label: gpu }");
        var (nowhere, _) = Job("  worker: { instances: 1, node-attributes: [nm.yarn.io/gpu-model=A100] }", "{ node-label: fpga }");

        Assert.Contains("no running node in partition 'gpu' has it: nm.yarn.io/gpu-model is T4 on 1 node(s)", Assert.Single(NodeAttributePreflight.Check(spec, nodes).Problems), StringComparison.Ordinal);
        Assert.Contains("none of the 2 running node(s) is in partition 'fpga'", Assert.Single(NodeAttributePreflight.Check(nowhere, nodes).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expressions_each_met_somewhere_but_never_together_are_reported_with_the_nodes_values()
    {
        var (spec, _) = Job("  worker: { instances: 1, node-attributes: [nm.yarn.io/gpu-model=V100, rm.yarn.io/os!=centos7] }");
        var nodes = await NodesAsync(Node("n1:1", null, ("nm.yarn.io", "gpu-model", "V100"), ("rm.yarn.io", "os", "centos7")), Node("n2:1", null, ("nm.yarn.io", "gpu-model", "T4")));

        Assert.Equal(
            ["no running node in the default partition satisfies all node attributes of role 'worker' together (nm.yarn.io/gpu-model=V100, rm.yarn.io/os!=centos7): n1:1 nm.yarn.io/gpu-model=V100 rm.yarn.io/os=centos7; n2:1 nm.yarn.io/gpu-model=T4 rm.yarn.io/os=(unset)"],
            NodeAttributePreflight.Check(spec, nodes).Problems);
    }

    [Fact]
    public async Task A_role_some_node_satisfies_passes()
    {
        var (spec, _) = Job("  worker: { instances: 2, node-attributes: [nm.yarn.io/gpu-model=V100, os!=centos7] }");

        var report = NodeAttributePreflight.Check(spec, await NodesAsync(ThreeNodes));
        Assert.Empty(report.Problems);
        Assert.Empty(report.Warnings);
        Assert.Equal(1, NodeAttributePreflight.Satisfying(spec, "worker", await NodesAsync(ThreeNodes)));
    }

    [Fact]
    public async Task An_rm_that_does_not_render_node_attributes_gives_a_warning_not_a_failure()
    {
        const string old = """{"nodes":{"node":[{"id":"n1:1","state":"RUNNING","nodeLabels":[]}]}}""";
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/nodes", () => Json(HttpStatusCode.OK, old));
        var nodes = await ClusterNodes.TryGetAsync(RmRestClientTests.Client(h, "rm1:8088"), default);
        var (spec, _) = Job("  worker: { instances: 3, node-attributes: [nm.yarn.io/gpu-model=A100] }", "{ anti-affinity: [worker] }");

        var report = NodeAttributePreflight.Check(spec, nodes);

        Assert.Empty(report.Problems);
        Assert.Contains("the RM does not report node attributes", Assert.Single(report.Warnings), StringComparison.Ordinal);
        Assert.Empty(Preflight.CheckCapacity(spec, new ClusterCapacity(1 << 20, 64, null, 3), null, nodes)); // falls back to active nodes
    }

    [Fact]
    public async Task Anti_affinity_counts_only_the_nodes_that_satisfy_the_role_attributes()
    {
        var (spec, _) = Job("  worker: { instances: 2, node-attributes: [nm.yarn.io/gpu-model=V100, os=centos7] }", "{ anti-affinity: [worker] }");
        var nodes = await NodesAsync(ThreeNodes);

        Assert.Equal(
            ["role 'worker' has anti-affinity, so its 2 instances need 2 distinct nodes, but only 1 of the 3 running node(s) satisfy its node attributes (nm.yarn.io/gpu-model=V100, rm.yarn.io/os=centos7)"],
            Preflight.CheckCapacity(spec, new ClusterCapacity(1 << 20, 64, null, 3), null, nodes));
        Assert.Empty(Preflight.CheckCapacity(spec, new ClusterCapacity(1 << 20, 64, null, 3)));
    }

    [Fact]
    public void Jobs_without_node_attributes_do_not_need_the_nodes()
    {
        var (spec, _) = Job("  worker: { instances: 2 }");

        Assert.False(NodeAttributePreflight.Uses(spec));
        var report = NodeAttributePreflight.Check(spec, null);
        Assert.Empty(report.Problems);
        Assert.Empty(report.Warnings);
    }
}
