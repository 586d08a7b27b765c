using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Nm;

/// <summary><c>GET http://nm/ws/v1/node/resources/yarn.io%2Fgpu</c>; Jersey-1 bare and trunk-wrapped shapes both map here.</summary>
public sealed class NmGpuInfo
{
    [JsonPropertyName("gpuDeviceInformation")] public GpuDeviceInformation? GpuDeviceInformation { get; init; }

    [JsonPropertyName("totalGpuDevices")]
    [JsonConverter(typeof(FlexibleListConverter<GpuDevice>))]
    public List<GpuDevice>? TotalGpuDevices { get; init; }

    [JsonPropertyName("assignedGpuDevices")]
    [JsonConverter(typeof(FlexibleListConverter<GpuDevice>))]
    public List<GpuDevice>? AssignedGpuDevices { get; init; }
}

/// <summary>Driver version and per-GPU detail (key spellings differ between Hadoop generations).</summary>
public sealed class GpuDeviceInformation
{
    [JsonPropertyName("driverVersion")] public string? DriverVersion { get; init; }
    [JsonPropertyName("driver_version")] public string? DriverVersionTrunk { get; init; }
}

/// <summary>A GPU known to the NM, with the container holding it when assigned.</summary>
public sealed class GpuDevice
{
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("minorNumber")] public int MinorNumber { get; init; }
    [JsonPropertyName("containerId")] public string? ContainerId { get; init; }
}

internal sealed class NmGpuInfoEnvelope
{
    [JsonPropertyName("nmGpuResourceInfo")] public NmGpuInfo? Info { get; init; }
}
