namespace YarnDL.AppMaster.Rm;

/// <summary>A container shape: memory, vcores and <c>yarn.io/gpu</c> (sent through resource_value_map).</summary>
internal readonly record struct Capability(long MemoryMb, int Vcores, long Gpus)
{
    public const string GpuResourceName = "yarn.io/gpu";

    public override string ToString() => Gpus > 0 ? $"<{MemoryMb} MB, {Vcores} vcores, {Gpus} GPUs>" : $"<{MemoryMb} MB, {Vcores} vcores>";
}
