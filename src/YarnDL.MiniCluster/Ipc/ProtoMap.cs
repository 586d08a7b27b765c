using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>Model ↔ YARN proto conversions shared by the RM and NM services.</summary>
internal static class ProtoMap
{
    public const string GpuResource = "yarn.io/gpu";

    public static ResourceProto Resource(Model.Resource r)
    {
        var proto = new ResourceProto { Memory = r.MemoryMb, VirtualCores = r.VCores };
        proto.ResourceValueMap.Add(new ResourceInformationProto { Key = "memory-mb", Value = r.MemoryMb, Units = "Mi" });
        proto.ResourceValueMap.Add(new ResourceInformationProto { Key = "vcores", Value = r.VCores, Units = "" });
        proto.ResourceValueMap.Add(new ResourceInformationProto { Key = GpuResource, Value = r.Gpus, Units = "" });
        return proto;
    }

    /// <summary>NodeAttributeProto: key {prefix, name}, type STRING, value.</summary>
    public static NodeAttributeProto NodeAttribute(Model.NodeAttribute a) => new()
    {
        AttributeKey = new NodeAttributeKeyProto { AttributePrefix = a.Prefix, AttributeName = a.Name },
        AttributeType = NodeAttributeTypeProto.String,
        AttributeValue = a.Value,
    };

    public static Model.Resource Resource(ResourceProto? p)
    {
        if (p is null) return Model.Resource.Zero;
        long mem = p.HasMemory ? p.Memory : 0;
        int cores = p.HasVirtualCores ? p.VirtualCores : 0;
        var gpus = 0;
        foreach (var info in p.ResourceValueMap)
        {
            switch (info.Key)
            {
                case GpuResource: gpus = checked((int)info.Value); break;
                case "memory-mb" or "memory" when !p.HasMemory: mem = info.Value; break;
                case "vcores" when !p.HasVirtualCores: cores = checked((int)info.Value); break;
                case "memory-mb" or "memory" or "vcores": break;
                default:
                    throw new Hadoop.HadoopServerException(Hadoop.HadoopExceptionNames.InvalidResourceRequest,
                        $"Invalid resource request! Cannot allocate containers as requested resource type {info.Key} is not known to the scheduler");
            }
        }

        return new Model.Resource(mem, cores, gpus);
    }

    public static ContainerStatusProto Status(ContainerRecord c) => new()
    {
        ContainerId = ContainerId.Parse(c.Id).ToProto(),
        State = c.State switch { "COMPLETE" => ContainerStateProto.CComplete, "NEW" => ContainerStateProto.CNew, _ => ContainerStateProto.CRunning },
        Diagnostics = c.Diagnostics,
        ExitStatus = c.ExitStatus,
        Capability = Resource(c.Resource),
    };
}
