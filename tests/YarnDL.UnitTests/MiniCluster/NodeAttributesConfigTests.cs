using Google.Protobuf;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster;
using YarnDL.MiniCluster.Conf;
using YarnDL.MiniCluster.Ipc;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.Rest;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary>Node attributes a MiniCluster NM carries: the config provider's format, and how the RM reports them (REST, NodeReportProto).</summary>
public sealed class NodeAttributesConfigTests
{
    [Fact]
    public void Configured_attributes_get_the_nm_prefix_and_centralized_ones_the_rm_prefix()
    {
        Assert.Equal(
            [new NodeAttribute("nm.yarn.io", "gpu-model", "A100"), new NodeAttribute("nm.yarn.io", "cuda", "12.2")],
            NodeAttributesConfig.ParseConfigured("gpu-model,STRING,A100:cuda,STRING,12.2"));
        Assert.Equal([new NodeAttribute("rm.yarn.io", "os", "centos7")], NodeAttributesConfig.ParseCentralized("os=centos7"));
        Assert.Empty(NodeAttributesConfig.ParseConfigured(""));
    }

    [Theory]
    [InlineData("gpu-model,A100")]
    [InlineData("nm.yarn.io/gpu-model,STRING,A100")]
    [InlineData("gpu-model,INT,1")]
    [InlineData("_gpu,STRING,A100")]
    [InlineData("gpu,STRING,A1:gpu,STRING,A2")]
    public void Bad_configured_attributes_are_refused_as_the_provider_refuses_them(string config) =>
        Assert.Throws<FormatException>(() => NodeAttributesConfig.ParseConfigured(config));

    [Fact]
    public void Options_report_bad_attributes_and_unknown_nodes_together()
    {
        var e = Assert.Throws<ArgumentException>(() => new MiniClusterOptions
        {
            Nodes = 2,
            NodeAttributes = new Dictionary<int, string> { [0] = "gpu-model,A100", [5] = "a,STRING,b" },
        }.Validate());

        Assert.Contains("NodeAttributes[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains("NodeAttributes names node 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rest_renders_nodeAttributesInfo_always_and_the_node_report_carries_field_15()
    {
        var node = new NodeRecord
        {
            Host = "h", RpcPort = 1, HttpPort = 2, Total = new Resource(8192, 8, 0), LocalDir = "", LogDir = "",
            Attributes = [new NodeAttribute("nm.yarn.io", "gpu-model", "A100")],
        };
        var bare = new NodeRecord { Host = "h", RpcPort = 3, HttpPort = 4, Total = new Resource(8192, 8, 0), LocalDir = "", LogDir = "" };

        var info = NodeJson.Build(node)["nodeAttributesInfo"]!["nodeAttributeInfo"]!.AsArray();
        Assert.Equal("""[{"prefix":"nm.yarn.io","name":"gpu-model","type":"STRING","value":"A100"}]""", info.ToJsonString());
        Assert.Equal("{}", NodeJson.Build(bare)["nodeAttributesInfo"]!.ToJsonString());

        var proto = ProtoMap.NodeAttribute(node.Attributes[0]);
        Assert.Equal(("nm.yarn.io", "gpu-model", NodeAttributeTypeProto.String, "A100"),
            (proto.AttributeKey.AttributePrefix, proto.AttributeKey.AttributeName, proto.AttributeType, proto.AttributeValue));
        Assert.True(proto.IsInitialized());
        Assert.Equal(15, NodeReportProto.NodeAttributesFieldNumber);
    }
}
