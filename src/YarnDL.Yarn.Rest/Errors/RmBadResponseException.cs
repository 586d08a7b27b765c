using System.Net;

namespace YarnDL.Yarn.Rest.Errors;

/// <summary>Something answered at the RM's address, but not with the RM's JSON (an HTML page, a proxy's login form, a
/// truncated body): the address is wrong or a proxy sits in between.</summary>
public sealed class RmBadResponseException : YarnDLException
{
    public RmBadResponseException(Uri url, HttpStatusCode status, string? contentType, string what, Exception? inner = null)
        : base($"{url} answered {(int)status} {contentType ?? "(no content type)"} where the ResourceManager's JSON for {what} was expected"
            + (contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true ? ", an HTML page" : inner is null ? string.Empty : ", cut short or malformed")
            + ": check that --rm (or yarn.resourcemanager.webapp.address) names the RM's web address, not a proxy or another service", inner)
    {
        Url = url;
        StatusCode = status;
    }

    public RmBadResponseException()
        : this("the ResourceManager's answer was not its JSON")
    {
    }

    public RmBadResponseException(string message)
        : base(message)
    {
        Url = new Uri("http://localhost/");
    }

    public RmBadResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Url = new Uri("http://localhost/");
    }

    /// <summary>The URL that answered (without its query).</summary>
    public Uri Url { get; }

    public HttpStatusCode StatusCode { get; }
}
