namespace YarnDL.AppMaster.Rm;

/// <summary>A container granted by the RM. <see cref="ContainerToken"/> is copied byte-for-byte to startContainers.</summary>
internal sealed record AllocatedContainer(
    string ContainerId,
    string NodeId,
    string NodeHttpAddress,
    Capability Capability,
    int Priority,
    long AllocationRequestId,
    ReadOnlyMemory<byte> ContainerToken)
{
    public string Host => NodeId.Split(':')[0];
}
