using System.Text.Json.Serialization;

namespace YarnDL.WebHdfs;

/// <summary>WebHDFS <c>FileStatus</c>.</summary>
public sealed class HdfsFileStatus
{
    /// <summary>The entry's name in a LISTSTATUS answer (empty for GETFILESTATUS).</summary>
    [JsonPropertyName("pathSuffix")] public string? PathSuffix { get; init; }
    [JsonPropertyName("length")] public long Length { get; init; }
    [JsonPropertyName("modificationTime")] public long ModificationTime { get; init; }
    [JsonPropertyName("owner")] public string? Owner { get; init; }
    [JsonPropertyName("group")] public string? Group { get; init; }
    [JsonPropertyName("permission")] public string? Permission { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("replication")] public int Replication { get; init; }
}

internal sealed class FileStatusEnvelope
{
    [JsonPropertyName("FileStatus")] public HdfsFileStatus? FileStatus { get; init; }
}

internal sealed class FileStatusesEnvelope
{
    [JsonPropertyName("FileStatuses")] public FileStatusList? FileStatuses { get; init; }
}

internal sealed class FileStatusList
{
    [JsonPropertyName("FileStatus")] public List<HdfsFileStatus>? FileStatus { get; init; }
}

internal sealed class BooleanResult
{
    [JsonPropertyName("boolean")] public bool Boolean { get; init; }
}
