using YarnDL.Hadoop.Wire;

namespace YarnDL.MiniCluster.Ipc;

/// <summary><see cref="ProtoMap.Resource(Hadoop.Protos.Yarn.ResourceProto?)"/> read from a ResourceProto's bytes: memory
/// and virtual_cores, or the memory-mb/memory and vcores entries where those fields are absent, and yarn.io/gpu; any
/// other resource type is refused as the scheduler refuses it. Entry keys are compared as bytes.</summary>
internal static class WireResource
{
    private static ReadOnlySpan<byte> Gpu => "yarn.io/gpu"u8;

    private static ReadOnlySpan<byte> MemoryMb => "memory-mb"u8;

    private static ReadOnlySpan<byte> Memory => "memory"u8;

    private static ReadOnlySpan<byte> Vcores => "vcores"u8;

    /// <summary>Checks the required fields (every entry's key); throws <see cref="ProtoWireException"/> when one is missing.</summary>
    public static void Check(ReadOnlySpan<byte> bytes) => YarnWire.CheckResource(new ProtoReader(bytes));

    /// <summary>The resource of bytes already <see cref="Check"/>ed; throws what <see cref="ProtoMap.Resource(Hadoop.Protos.Yarn.ResourceProto?)"/> throws.</summary>
    public static Model.Resource Map(ReadOnlySpan<byte> bytes)
    {
        var (hasMemory, memory, hasCores, cores) = (false, 0L, false, 0);
        var r = new ProtoReader(bytes);
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 0:
                    (hasMemory, memory) = (true, r.ReadInt64());
                    break;
                case (2 << 3) | 0:
                    (hasCores, cores) = (true, r.ReadInt32());
                    break;
                default:
                    r.SkipLastField();
                    break;
            }
        }

        var gpus = 0;
        r = new ProtoReader(bytes);
        while (r.TryReadTag(out var tag))
        {
            if (tag != ((3 << 3) | 2))
            {
                r.SkipLastField();
                continue;
            }

            YarnWire.ReadResourceInformation(r.ReadMessage(), out var key, out var value);
            if (key.SequenceEqual(Gpu))
            {
                gpus = checked((int)value);
            }
            else if (key.SequenceEqual(MemoryMb) || key.SequenceEqual(Memory))
            {
                memory = hasMemory ? memory : value;
            }
            else if (key.SequenceEqual(Vcores))
            {
                cores = hasCores ? cores : checked((int)value);
            }
            else
            {
                throw new Hadoop.HadoopServerException(Hadoop.HadoopExceptionNames.InvalidResourceRequest,
                    $"Invalid resource request! Cannot allocate containers as requested resource type {System.Text.Encoding.UTF8.GetString(key)} is not known to the scheduler");
            }
        }

        return new Model.Resource(memory, cores, gpus);
    }
}
