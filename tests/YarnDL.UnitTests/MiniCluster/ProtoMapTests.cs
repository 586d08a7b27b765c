using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.Ipc;
using YarnDL.MiniCluster.Model;

namespace YarnDL.UnitTests.MiniCluster;

public sealed class ProtoMapTests
{
    [Fact]
    public void Gpu_comes_from_resource_value_map_and_memory_from_the_plain_fields()
    {
        var proto = new ResourceProto { Memory = 2048, VirtualCores = 2, ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = 3 } } };
        Assert.Equal(new Resource(2048, 2, 3), ProtoMap.Resource(proto));
    }

    [Fact]
    public void Memory_and_vcores_only_in_the_map_are_read_from_it()
    {
        var proto = new ResourceProto
        {
            ResourceValueMap = { new ResourceInformationProto { Key = "memory-mb", Value = 512 }, new ResourceInformationProto { Key = "vcores", Value = 4 } },
        };
        Assert.Equal(new Resource(512, 4, 0), ProtoMap.Resource(proto));
    }

    [Fact]
    public void Unknown_resource_type_is_InvalidResourceRequest()
    {
        var proto = new ResourceProto { Memory = 1, ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/fpga", Value = 1 } } };
        var ex = Assert.Throws<HadoopServerException>(() => ProtoMap.Resource(proto));
        Assert.Equal(HadoopExceptionNames.InvalidResourceRequest, ex.ClassName);
    }

    [Fact]
    public void Outgoing_resource_carries_gpu_in_the_map()
    {
        var proto = ProtoMap.Resource(new Resource(1024, 1, 2));
        Assert.Equal(1024, proto.Memory);
        Assert.Equal(2, proto.ResourceValueMap.Single(r => r.Key == "yarn.io/gpu").Value);
    }
}
