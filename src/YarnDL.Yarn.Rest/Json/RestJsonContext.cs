using System.Text.Json.Serialization;
using YarnDL.Yarn.Rest.Apps;
using YarnDL.Yarn.Rest.Cluster;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Nm;
using YarnDL.Yarn.Rest.Nodes;
using YarnDL.Yarn.Rest.Resources;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Yarn.Rest.Json;

/// <summary>Source-generated JSON for every RM/NM/WebHDFS shape; numbers may arrive as strings.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ClusterInfoEnvelope))]
[JsonSerializable(typeof(ClusterMetricsEnvelope))]
[JsonSerializable(typeof(NewApplication))]
[JsonSerializable(typeof(ApplicationSubmissionContext))]
[JsonSerializable(typeof(AppEnvelope))]
[JsonSerializable(typeof(AppsEnvelope))]
[JsonSerializable(typeof(AppAttemptsEnvelope))]
[JsonSerializable(typeof(AppStateBody))]
[JsonSerializable(typeof(NodesEnvelope))]
[JsonSerializable(typeof(NmGpuInfo))]
[JsonSerializable(typeof(NmGpuInfoEnvelope))]
[JsonSerializable(typeof(RemoteExceptionEnvelope))]
[JsonSerializable(typeof(ResourceInformation))]
[JsonSerializable(typeof(ResourceInfo))]
[JsonSerializable(typeof(AppReport))]
[JsonSerializable(typeof(AppAttempt))]
[JsonSerializable(typeof(NodeReport))]
[JsonSerializable(typeof(NodeAttributeInfo))]
[JsonSerializable(typeof(GpuDevice))]
[JsonSerializable(typeof(KeyValueEntry<string>))]
[JsonSerializable(typeof(KeyValueEntry<LocalResource>))]
[JsonSerializable(typeof(string))]
internal sealed partial class RestJsonContext : JsonSerializerContext
{
}
