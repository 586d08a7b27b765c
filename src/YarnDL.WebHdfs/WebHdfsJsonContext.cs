using System.Text.Json.Serialization;

namespace YarnDL.WebHdfs;

/// <summary>Source-generated JSON for the WebHDFS answers this client reads.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(FileStatusEnvelope))]
[JsonSerializable(typeof(BooleanResult))]
[JsonSerializable(typeof(FileStatusesEnvelope))]
internal sealed partial class WebHdfsJsonContext : JsonSerializerContext
{
}
