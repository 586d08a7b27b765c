using System.Net;

namespace YarnDL.Yarn.Rest.Errors;

/// <summary>The RM (or WebHDFS) answered with an error status; carries the Hadoop exception name when the body had one.</summary>
public sealed class YarnRestException : YarnDLException
{
    public YarnRestException(HttpStatusCode statusCode, string? exceptionName, string? javaClassName, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ExceptionName = exceptionName;
        JavaClassName = javaClassName;
    }

    public YarnRestException()
        : this(HttpStatusCode.InternalServerError, null, null, "YARN REST call failed")
    {
    }

    public YarnRestException(string message)
        : this(HttpStatusCode.InternalServerError, null, null, message)
    {
    }

    public YarnRestException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Short Hadoop exception name, e.g. <c>NotFoundException</c>, <c>BadRequestException</c>.</summary>
    public string? ExceptionName { get; }

    public string? JavaClassName { get; }

    /// <summary>True for 404 (unknown application, file, node).</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
