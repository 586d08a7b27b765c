using System.Net;

namespace YarnDL.UnitTests.Training;

/// <summary>An AM that moved: requests to <see cref="Gone"/> fail to connect, those to any other host get 200/204.</summary>
internal sealed class MovingAmHandler(string gone) : HttpMessageHandler
{
    public string Gone => gone;

    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }

        return request.RequestUri!.Host == gone
            ? throw new HttpRequestException("Connection refused (" + gone + ")")
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
    }
}
