using System.Net.Http.Headers;
using System.Text.Json;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Http;

/// <summary>Builds <see cref="YarnRestException"/> from RemoteException JSON or a plain-text body.</summary>
internal static class RestErrors
{
    public static async Task<YarnRestException> FromResponseAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (IsJson(response.Content?.Headers.ContentType) || body.TrimStart().StartsWith('{'))
        {
            try
            {
                var env = JsonSerializer.Deserialize(body, RestJsonContext.Default.RemoteExceptionEnvelope);
                if (env?.RemoteException is { } re)
                {
                    return new YarnRestException(response.StatusCode, re.Exception, re.JavaClassName,
                        $"{what}: {(int)response.StatusCode} {re.Exception}: {re.Message}");
                }
            }
            catch (JsonException)
            {
                // fall through to the plain-text form
            }
        }

        var line = body.Split('\n', 2)[0].Trim();
        return new YarnRestException(response.StatusCode, null, null,
            $"{what}: {(int)response.StatusCode} {response.ReasonPhrase}{(line.Length > 0 ? ": " + line : string.Empty)}");
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
}
