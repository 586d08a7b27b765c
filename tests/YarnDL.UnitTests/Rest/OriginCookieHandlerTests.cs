using System.Net;
using YarnDL.WebHdfs;

namespace YarnDL.UnitTests.Rest;

/// <summary>hadoop.auth cookies go back only to the origin (scheme, host and port) that set them.</summary>
public sealed class OriginCookieHandlerTests
{
    [Fact]
    public async Task A_cookie_set_by_one_port_is_not_sent_to_another_port_of_the_same_host()
    {
        var h = new ScriptedHandler()
            .On(r => r.RequestUri!.Port == 9870 && !r.Headers.Contains("Cookie")
                ? new HttpResponseMessage(HttpStatusCode.OK) { Headers = { { "Set-Cookie", "hadoop.auth=\"u=alice&t=simple&s=abc\"; Path=/; HttpOnly" } } }
                : null)
            .On(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var cookies = new List<(int Port, string? Cookie)>();
        var spy = new Spy(h, cookies);
        var http = new HttpClient(new OriginCookieHandler(spy));

        await http.GetAsync(new Uri("http://nn:9870/webhdfs/v1/?op=GETFILESTATUS"));
        await http.GetAsync(new Uri("http://nn:9870/webhdfs/v1/?op=GETFILESTATUS"));
        await http.GetAsync(new Uri("http://nn:8088/ws/v1/cluster/info"));

        Assert.Equal([(9870, null), (9870, "hadoop.auth=\"u=alice&t=simple&s=abc\""), (8088, null)], cookies);
    }

    private sealed class Spy(HttpMessageHandler inner, List<(int Port, string? Cookie)> seen) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add((request.RequestUri!.Port, request.Headers.TryGetValues("Cookie", out var v) ? string.Join("; ", v) : null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
