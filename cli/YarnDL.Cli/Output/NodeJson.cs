using YarnDL.Client.Nodes;

namespace YarnDL.Cli.Output;

/// <summary>One row of <c>admin nodes --json</c> (null counts: the node reports no <c>yarn.io/gpu</c>).</summary>
internal sealed record NodeJson(string NodeId, string? HttpAddress, string? State, long? Total, long? Used, long? Available, IReadOnlyList<GpuDeviceJson> Devices, string? DriverVersion, string? DeviceError)
{
    public static NodeJson From(NodeGpus n)
    {
        var assigned = (n.Devices?.AssignedGpuDevices ?? []).ToDictionary(d => d.Index, d => d.ContainerId);
        var devices = (n.Devices?.TotalGpuDevices ?? []).Select(d => new GpuDeviceJson(d.Index, d.MinorNumber, assigned.GetValueOrDefault(d.Index))).ToList();
        var driver = n.Devices?.GpuDeviceInformation is { } info ? info.DriverVersion ?? info.DriverVersionTrunk : null;
        return new NodeJson(n.NodeId, n.HttpAddress, n.State, n.Total, n.Used, n.Available, devices, driver, n.DeviceError);
    }
}

/// <summary>A GPU of a node and the container holding it, if any.</summary>
internal sealed record GpuDeviceJson(int Index, int MinorNumber, string? ContainerId);
