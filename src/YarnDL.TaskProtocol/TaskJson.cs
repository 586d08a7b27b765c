using System.Text.Json;
using System.Text.Json.Serialization;

namespace YarnDL.TaskProtocol;

/// <summary>Source-generated JSON (camelCase, enums as strings) for every task API message.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(ClusterSpecResponse))]
[JsonSerializable(typeof(PendingResponse))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(ResultRequest))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
public sealed partial class TaskJson : JsonSerializerContext;
