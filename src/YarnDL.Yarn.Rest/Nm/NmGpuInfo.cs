using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Nm;

/// <summary>
/// <c>GET http://nm/ws/v1/node/resources/yarn.io%2Fgpu</c> (NMGpuResourceInfo, written by Jackson from the getters, so the keys
/// are the Java property names, not the JAXB element names); Jersey-1 bare and trunk-wrapped shapes both map here. Under the
/// DefaultContainerExecutor a 3.4.1 NodeManager leaves <see cref="TotalGpuDevices"/> and <see cref="AssignedGpuDevices"/>
/// empty and lists its GPUs only under <see cref="GpuDeviceInformation"/> (what nvidia-smi reported).
/// </summary>
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

/// <summary>Driver version and per-GPU detail from nvidia-smi (key spellings differ between Hadoop generations).</summary>
public sealed class GpuDeviceInformation
{
    [JsonPropertyName("gpus")]
    [JsonConverter(typeof(FlexibleListConverter<PerGpuDeviceInformation>))]
    public List<PerGpuDeviceInformation>? Gpus { get; init; }

    [JsonPropertyName("driverVersion")] public string? DriverVersion { get; init; }
    [JsonPropertyName("driver_version")] public string? DriverVersionTrunk { get; init; }
}

/// <summary>One GPU as nvidia-smi reported it (PerGpuDeviceInformation).</summary>
public sealed class PerGpuDeviceInformation
{
    [JsonPropertyName("productName")] public string? ProductName { get; init; }
    [JsonPropertyName("uuid")] public string? Uuid { get; init; }
    [JsonPropertyName("minorNumber")] public int MinorNumber { get; init; } = -1;
    [JsonPropertyName("gpuMemoryUsage")] public PerGpuMemoryUsage? GpuMemoryUsage { get; init; }
}

/// <summary>A GPU's frame-buffer memory in MiB (PerGpuMemoryUsage).</summary>
public sealed class PerGpuMemoryUsage
{
    [JsonPropertyName("usedMemoryMiB")] public long? UsedMemoryMiB { get; init; }
    [JsonPropertyName("availMemoryMiB")] public long? AvailMemoryMiB { get; init; }
    [JsonPropertyName("totalMemoryMiB")] public long? TotalMemoryMiB { get; init; }
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
