using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Errors;

internal sealed class RemoteExceptionEnvelope
{
    [JsonPropertyName("RemoteException")] public RemoteExceptionBody? RemoteException { get; init; }
}

internal sealed class RemoteExceptionBody
{
    [JsonPropertyName("exception")] public string? Exception { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("javaClassName")] public string? JavaClassName { get; init; }
}
