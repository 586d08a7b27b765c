using YarnDL.Spec;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Placement;
using YarnDL.Spec.Plan;

namespace YarnDL.UnitTests.Spec;

/// <summary><c>placement.node-attributes</c> / <c>roles.&lt;name&gt;.node-attributes</c>: parsing as the RM reads the keys, and the plan's per-role list.</summary>
public sealed class NodeAttributeSpecTests
{
    [Theory]
    [InlineData("nm.yarn.io/gpu-model=A100", "nm.yarn.io", "gpu-model", NodeAttributeOp.Equal, "A100")]
    [InlineData("rm.yarn.io/os!=centos7", "rm.yarn.io", "os", NodeAttributeOp.NotEqual, "centos7")]
    [InlineData("java=1.8", "rm.yarn.io", "java", NodeAttributeOp.Equal, "1.8")]
    [InlineData(" cuda!=11.8 ", "rm.yarn.io", "cuda", NodeAttributeOp.NotEqual, "11.8")]
    public void Expression_parses_with_no_prefix_meaning_rm_yarn_io(string text, string prefix, string name, NodeAttributeOp op, string value)
    {
        var e = NodeAttributeExpression.Parse(text);

        Assert.Equal((prefix, name, op, value), (e.Prefix, e.Name, e.Op, e.Value));
        Assert.Equal($"{prefix}/{name}{(op == NodeAttributeOp.Equal ? "=" : "!=")}{value}", e.ToString());
    }

    [Theory]
    [InlineData("gpu-model", "bad node attribute expression")]
    [InlineData("=A100", "bad node attribute expression")]
    [InlineData("!=A100", "bad node attribute expression")]
    [InlineData("yarn_node_partition/=gpu", "bad node attribute prefix 'yarn_node_partition'")]
    [InlineData("nm.yarn.io/a/b=1", "bad node attribute name 'a/b'")]
    [InlineData("nm.yarn.io/-x=1", "bad node attribute name '-x'")]
    [InlineData("gpu-model==A100", "bad node attribute value '=A100'")]
    [InlineData("gpu-model=", "bad node attribute value ''")]
    [InlineData("os=a,b", "bad node attribute value 'a,b'")]
    public void Bad_expressions_say_what_is_wrong(string text, string problem)
    {
        Assert.False(NodeAttributeExpression.TryParse(text, out var e, out var message));
        Assert.Null(e);
        Assert.StartsWith(problem, message, StringComparison.Ordinal);
        Assert.Contains("(allowed: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_and_values_longer_than_255_characters_are_refused()
    {
        Assert.True(NodeAttributeExpression.TryParse("a=" + new string('v', 255), out _, out _));
        Assert.False(NodeAttributeExpression.TryParse("a=" + new string('v', 256), out _, out _));
        Assert.False(NodeAttributeExpression.TryParse(new string('n', 256) + "=v", out _, out _));
    }

    [Theory]
    [InlineData(NodeAttributeOp.Equal, "A100", true)]
    [InlineData(NodeAttributeOp.Equal, "V100", false)]
    [InlineData(NodeAttributeOp.Equal, null, false)]
    [InlineData(NodeAttributeOp.NotEqual, "A100", false)]
    [InlineData(NodeAttributeOp.NotEqual, "V100", true)]
    [InlineData(NodeAttributeOp.NotEqual, null, true)]
    public void A_node_without_the_attribute_satisfies_only_not_equal(NodeAttributeOp op, string? nodeValue, bool satisfied)
    {
        var e = NodeAttributeExpression.Parse(op == NodeAttributeOp.Equal ? "g=A100" : "g!=A100");

        Assert.Equal(satisfied, e.IsSatisfiedBy(nodeValue));
    }

    [Fact]
    public void Each_role_gets_the_placement_attributes_then_its_own_without_repeats()
    {
        var plan = JobPlan.From(JobSpecLoader.Load("""
            name: t
            image: img:1
            command: ./train.sh
            roles:
              chief: { instances: 1 }
              worker: { instances: 2, node-attributes: [nm.yarn.io/gpu-model=A100, "java=1.8"] }
            placement: { node-attributes: ["rm.yarn.io/java=1.8", "os!=centos7"] }
            """));

        var roles = plan.Trials[0].Roles.ToDictionary(r => r.Name, r => r.NodeAttributes.Select(a => a.ToString()).ToList());
        Assert.Equal(["rm.yarn.io/java=1.8", "rm.yarn.io/os!=centos7"], roles["chief"]);
        Assert.Equal(["rm.yarn.io/java=1.8", "rm.yarn.io/os!=centos7", "nm.yarn.io/gpu-model=A100"], roles["worker"]);
    }

    [Fact]
    public void Two_not_equal_values_of_one_attribute_and_mixed_operators_without_a_label_are_allowed()
    {
        var plan = JobPlan.From(JobSpecLoader.Load("""
            name: t
            image: img:1
            command: ./train.sh
            roles: { worker: { instances: 2, node-attributes: [os!=centos6, os!=centos7, nm.yarn.io/gpu-model=A100] } }
            placement: { anti-affinity: [worker] }
            """));

        var worker = Assert.Single(plan.Trials[0].Roles);
        Assert.Equal(3, worker.NodeAttributes.Count);
        Assert.True(RoleNodeAttributes.MixesOperators(worker.NodeAttributes));
    }

    [Fact]
    public void A_null_item_is_reported_at_its_position()
    {
        var e = Assert.Throws<JobSpecException>(() => JobSpecLoader.Load("""
            name: t
            image: img:1
            command: ./train.sh
            roles:
              worker:
                node-attributes:
                  - java=1.8
                  -
            """));

        Assert.Equal(8, e.Line);
        Assert.Contains("node-attributes", e.Message, StringComparison.Ordinal);
    }
}
