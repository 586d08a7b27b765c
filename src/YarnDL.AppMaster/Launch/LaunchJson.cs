using System.Text.Json.Serialization;

namespace YarnDL.AppMaster.Launch;

/// <summary>Source-generated JSON of the values the AM puts into a task's environment.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class LaunchJson : JsonSerializerContext;
