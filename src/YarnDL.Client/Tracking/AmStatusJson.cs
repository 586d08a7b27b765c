using System.Text.Json.Serialization;

namespace YarnDL.Client.Tracking;

/// <summary>Source-generated reader of the AM status document.</summary>
[JsonSerializable(typeof(AmStatus))]
internal sealed partial class AmStatusJson : JsonSerializerContext;
