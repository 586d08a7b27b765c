using System.Text.Json.Serialization;

namespace YarnDL.Tracking;

/// <summary>Source-generated (de)serialiser of the AM status document; nulls are left out, as the AM serves it.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AmStatus))]
public sealed partial class AmStatusJson : JsonSerializerContext;
