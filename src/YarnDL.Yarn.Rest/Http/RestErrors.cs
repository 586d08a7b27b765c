using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Json;

namespace YarnDL.Yarn.Rest.Http;

/// <summary>Builds <see cref="YarnRestException"/> from RemoteException JSON, a plain-text body or an HTML error page.</summary>
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

        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var line = Summary(body, response.Content?.Headers.ContentType, status);
        return new YarnRestException(response.StatusCode, null, null,
            $"{what}: {status}{(line.Length > 0 ? ": " + line : string.Empty)}");
    }

    /// <summary>The first line of a plain-text body; of an HTML error page (a SPNEGO filter's or a proxy's 401, say)
    /// only its title, and nothing when the title just repeats the status.</summary>
    private static string Summary(string body, MediaTypeHeaderValue? type, string status)
    {
        var text = body.TrimStart();
        if (type?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || text.StartsWith('<'))
        {
            var title = Regex.Match(text, "<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
            var t = title.Success ? Regex.Replace(title.Groups[1].Value, @"\s+", " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim() : string.Empty;
            return string.Equals(t, status, StringComparison.OrdinalIgnoreCase) ? string.Empty : t;
        }

        return body.Split('\n', 2)[0].Trim();
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
}
