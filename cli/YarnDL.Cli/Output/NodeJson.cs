using YarnDL.Client.Nodes;
using YarnDL.Yarn.Rest.Nm;

namespace YarnDL.Cli.Output;

/// <summary>One row of <c>admin nodes --json</c> (null counts: the node reports no <c>yarn.io/gpu</c>).</summary>
internal sealed record NodeJson(string NodeId, string? HttpAddress, string? State, long? Total, long? Used, long? Available, IReadOnlyList<GpuDeviceJson> Devices, string? DriverVersion, string? DeviceError)
{
    public static NodeJson From(NodeGpus n)
    {
        var driver = n.Devices?.GpuDeviceInformation is { } info ? info.DriverVersion ?? info.DriverVersionTrunk : null;
        return new NodeJson(n.NodeId, n.HttpAddress, n.State, n.Total, n.Used, n.Available, DevicesOf(n.Devices), driver, n.DeviceError);
    }

    /// <summary>
    /// The NM's GPUs: its allocator's devices (<c>totalGpuDevices</c>, with the container holding each from
    /// <c>assignedGpuDevices</c>) when it lists them, as it does under the LinuxContainerExecutor; else, as under the
    /// DefaultContainerExecutor where both lists are empty, the GPUs nvidia-smi reported (<c>gpuDeviceInformation.gpus</c>,
    /// indexed in their order as the NM's discovery numbers them), whose containers the NM does not track.
    /// </summary>
    private static List<GpuDeviceJson> DevicesOf(NmGpuInfo? nm)
    {
        var smi = nm?.GpuDeviceInformation?.Gpus ?? [];
        if (nm?.TotalGpuDevices is { Count: > 0 } total)
        {
            var assigned = (nm.AssignedGpuDevices ?? []).ToDictionary(d => d.Index, d => d.ContainerId);
            return [.. total.Select(d => new GpuDeviceJson(d.Index, d.MinorNumber, assigned.GetValueOrDefault(d.Index), smi.FirstOrDefault(g => g.MinorNumber == d.MinorNumber)?.ProductName))];
        }

        return [.. smi.Select((g, i) => new GpuDeviceJson(i, g.MinorNumber, null, g.ProductName))];
    }
}

/// <summary>A GPU of a node, the container holding it when the NM tracks that, and its product name when nvidia-smi gave one.</summary>
internal sealed record GpuDeviceJson(int Index, int MinorNumber, string? ContainerId, string? ProductName);
