using System.Net;
using System.Text.Json;

namespace YarnDL.WebHdfs;

/// <summary>A WebHDFS call failed: the namenode or datanode answered an error (with Hadoop's RemoteException class when it sent one),
/// or could not be reached (<see cref="StatusCode"/> null).</summary>
public sealed class WebHdfsException : Exception
{
    public WebHdfsException(HttpStatusCode? statusCode, string? exceptionName, string message, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ExceptionName = exceptionName;
    }

    public WebHdfsException()
    {
    }

    public WebHdfsException(string message)
        : base(message)
    {
    }

    public WebHdfsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The RemoteException's simple class name (e.g. FileNotFoundException), when the server sent one.</summary>
    public string? ExceptionName { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>No answer, or a server-side failure (5xx).</summary>
    public bool IsUnavailable => StatusCode is null || (int)StatusCode >= 500;

    internal static async Task<WebHdfsException> FromResponseAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("RemoteException", out var re))
                {
                    var name = re.TryGetProperty("exception", out var e) ? e.GetString() : null;
                    var message = re.TryGetProperty("message", out var m) ? m.GetString() : null;
                    return new WebHdfsException(response.StatusCode, name, $"{what}: {status} {name}: {message}");
                }
            }
            catch (JsonException)
            {
                // not JSON after all: fall through to the text form
            }
        }

        var line = body.Split('\n', 2)[0].Trim();
        return new WebHdfsException(response.StatusCode, null, $"{what}: {status} {response.ReasonPhrase}{(line.Length > 0 ? ": " + line : string.Empty)}");
    }
}
