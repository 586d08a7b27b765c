using System.Text.Json.Serialization;

namespace YarnDL.AppMaster.Plan;

[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class PlanJson : JsonSerializerContext;
