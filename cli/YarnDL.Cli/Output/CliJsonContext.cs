using System.Text.Json.Serialization;
using YarnDL.Client.Jobs;
using YarnDL.Client.Submit;
using YarnDL.Tracking;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Output;

/// <summary>Source-generated JSON for <c>--json</c> output.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AppReport))]
[JsonSerializable(typeof(List<AppReport>))]
[JsonSerializable(typeof(SubmitJson))]
[JsonSerializable(typeof(ValidateJson))]
[JsonSerializable(typeof(SubmitResult))]
[JsonSerializable(typeof(List<NodeJson>))]
[JsonSerializable(typeof(List<LogLocation>))]
[JsonSerializable(typeof(AmStatus))]
[JsonSerializable(typeof(FinalResult))]
[JsonSerializable(typeof(AmSnapshot))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}

/// <summary>Output of <c>submit --json</c>.</summary>
internal sealed record SubmitJson(string ApplicationId, string Rm, string? FinalState, string? FinalStatus);

/// <summary>Output of <c>validate --json</c>.</summary>
internal sealed record ValidateJson(bool Valid, string Name, int Trials, int TasksPerTrial, int MaxGpusPerTask, IReadOnlyList<string> PreflightProblems);
