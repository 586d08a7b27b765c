using System.Text.Json.Serialization;

namespace YarnDL.TaskProtocol;

/// <summary>Source-generated JSON of <see cref="TrainerSettings"/>: job.yaml's kebab-case keys, unset keys left out,
/// numbers also accepted as strings (a person writing the variable by hand).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TrainerSettings))]
internal sealed partial class TrainerSettingsJson : JsonSerializerContext;
