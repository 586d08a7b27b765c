using System.Net;

namespace YarnDL.WebHdfs;

/// <summary>A WebHDFS call failed: the namenode or datanode answered an error (with Hadoop's RemoteException class when it sent one),
/// or could not be reached (<see cref="StatusCode"/> null).</summary>
public sealed class WebHdfsException : YarnDLException
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

    /// <summary>A Hadoop StandbyException: this NameNode is not the active one (another may be).</summary>
    public bool IsStandby => ExceptionName == "StandbyException";

    /// <summary>No answer, a 5xx, a standby NameNode or Hadoop's RetriableException (NameNode in safe mode, say): the same
    /// call may succeed later or against another NameNode.</summary>
    public override bool IsTransient => IsUnavailable || IsStandby || ExceptionName == "RetriableException";

    internal static async Task<WebHdfsException> FromResponseAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return From(response.StatusCode, response.ReasonPhrase, body, what);
    }

    internal static WebHdfsException From(HttpStatusCode statusCode, string? reason, string body, string what)
    {
        var status = (int)statusCode;
        var (name, message) = RemoteErrorText.Parse(body);
        if (name is not null || message is not null)
        {
            return new WebHdfsException(statusCode, name, $"{what}: {status} {name}: {message}");
        }

        var line = RemoteErrorText.WithoutStackTrace(body.Split('\n', 2)[0]);
        return new WebHdfsException(statusCode, null, $"{what}: {status} {reason}{(line.Length > 0 ? ": " + line : string.Empty)}");
    }
}
