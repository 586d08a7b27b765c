using System.Text.Json.Serialization;

namespace YarnDL.AppMaster.Job;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SavedState))]
internal sealed partial class SavedStateJson : JsonSerializerContext;
