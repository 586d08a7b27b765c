using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Wire;

namespace YarnDL.AppMaster.Ipc;

/// <summary>A ResourceProto read in place into what <see cref="AmProtoMapper.FromProto(Hadoop.Protos.Yarn.ResourceProto)"/>
/// takes from it: memory, virtual_cores and the value of the first <c>yarn.io/gpu</c> entry (keys compared as bytes,
/// no string made). Reading a second occurrence merges, as protobuf does.</summary>
internal struct ResourceParts
{
    private static ReadOnlySpan<byte> GpuKey => "yarn.io/gpu"u8;

    private long _memory;
    private int _vcores;
    private long _gpus;
    private bool _gpuSeen;

    public void Read(ProtoReader reader)
    {
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 0:
                    _memory = reader.ReadInt64();
                    break;
                case (2 << 3) | 0:
                    _vcores = reader.ReadInt32();
                    break;
                case (3 << 3) | 2:
                    YarnWire.ReadResourceInformation(reader.ReadMessage(), out var key, out var value);
                    if (!_gpuSeen && key.SequenceEqual(GpuKey))
                    {
                        (_gpus, _gpuSeen) = (value, true);
                    }

                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }

    public readonly Capability ToCapability() => new(_memory, _vcores, _gpus);
}
