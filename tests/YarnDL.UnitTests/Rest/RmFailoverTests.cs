using System.Net;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Submission;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Rest;

public sealed class RmFailoverTests
{
    [Fact]
    public async Task Connection_refused_fails_over_to_the_next_rm()
    {
        var h = new ScriptedHandler()
            .Refuse("rm1:8088")
            .On("rm2:8088", "/ws/v1/cluster/metrics", () => Json(HttpStatusCode.OK, """{"clusterMetrics":{"activeNodes":3,"totalMB":"8192"}}"""));
        var client = RmRestClientTests.Client(h, "rm1:8088", "rm2:8088");

        var metrics = await client.GetClusterMetricsAsync();

        Assert.Equal(3, metrics.ActiveNodes);
        Assert.Equal(8192, metrics.TotalMB);
        Assert.Equal("rm2:8088", client.ActiveEndpoint.Authority);
    }

    [Fact]
    public async Task Standby_307_is_followed_with_the_same_method_and_body()
    {
        var h = new ScriptedHandler()
            .On(r => r.RequestUri!.Authority == "rm1:8088" && r.RequestUri.AbsolutePath == "/ws/v1/cluster/info" ? Json(HttpStatusCode.OK, SpecJson.ClusterInfo("STANDBY")) : null)
            .On(r => r.RequestUri!.Authority == "rm2:8088" && r.RequestUri.AbsolutePath == "/ws/v1/cluster/info" ? Refused() : null)
            .On(r => r.RequestUri!.Authority == "rm1:8088"
                ? new HttpResponseMessage(HttpStatusCode.TemporaryRedirect)
                {
                    Headers = { Location = new Uri("http://rm3:8088" + r.RequestUri.PathAndQuery) },
                    Content = new StringContent("This is standby RM. The redirect url is: http://rm3:8088/"),
                }
                : null)
            .On("rm3:8088", "/ws/v1/cluster/apps", () => new HttpResponseMessage(HttpStatusCode.Accepted), HttpMethod.Post);
        var client = RmRestClientTests.Client(h, "rm1:8088", "rm2:8088");

        await client.SubmitApplicationAsync(new ApplicationSubmissionContext { ApplicationId = "application_1_0001" });

        var posts = h.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.Equal(["rm1:8088", "rm3:8088"], posts.Select(p => p.Uri.Authority));
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Contains("user.name=alice", posts[1].Uri.Query, StringComparison.Ordinal);
        Assert.Equal("rm3:8088", client.ActiveEndpoint.Authority);
    }

    [Fact]
    public async Task Probe_picks_the_active_rm_from_cluster_info_ha_state()
    {
        var h = new ScriptedHandler()
            .On("rm1:8088", "/ws/v1/cluster/info", () => Json(HttpStatusCode.OK, SpecJson.ClusterInfo("STANDBY")))
            .On("rm2:8088", "/ws/v1/cluster/info", () => Json(HttpStatusCode.OK, SpecJson.ClusterInfo("ACTIVE")))
            .On("rm2:8088", "/ws/v1/cluster/apps/new-application", () => Json(HttpStatusCode.OK, SpecJson.NewApplication));
        var client = RmRestClientTests.Client(h, "rm1:8088", "rm2:8088");

        await client.NewApplicationAsync();

        Assert.Single(h.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("rm2:8088", h.Requests.Single(r => r.Method == HttpMethod.Post).Uri.Authority);
    }

    [Fact]
    public async Task Submit_retried_after_a_dropped_connection_reuses_the_same_application_id_and_never_posts_twice_at_once()
    {
        var posts = 0;
        var h = new ScriptedHandler()
            .On(r => r.RequestUri!.AbsolutePath == "/ws/v1/cluster/info" ? Json(HttpStatusCode.OK, SpecJson.ClusterInfo(r.RequestUri.Authority == "rm1:8088" ? "ACTIVE" : "STANDBY")) : null)
            .On(r => r.Method == HttpMethod.Post && r.RequestUri!.Authority == "rm1:8088" && ++posts == 1 ? Refused() : null)
            .On(r => r.Method == HttpMethod.Post ? new HttpResponseMessage(HttpStatusCode.Accepted) : null);
        var client = RmRestClientTests.Client(h, "rm1:8088", "rm2:8088");

        await client.SubmitApplicationAsync(new ApplicationSubmissionContext { ApplicationId = "application_1_0007" });

        var submitted = h.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.Equal(2, submitted.Count);
        Assert.All(submitted, s => Assert.Contains("\"application-id\":\"application_1_0007\"", s.Body, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Requests, r => r.Uri.AbsolutePath.EndsWith("new-application", StringComparison.Ordinal));
    }

    [Fact]
    public async Task All_rms_down_raises_rm_unavailable_naming_every_endpoint()
    {
        var h = new ScriptedHandler().Refuse("rm1:8088").Refuse("rm2:8088");

        var e = await Assert.ThrowsAsync<RmUnavailableException>(() => RmRestClientTests.Client(h, "rm1:8088", "rm2:8088").GetClusterMetricsAsync());

        Assert.Equal(["rm1:8088", "rm2:8088"], e.EndpointsTried.Select(u => u.Authority).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        var n = 0;
        var h = new ScriptedHandler().On(r => ++n < 3
            ? Text(HttpStatusCode.ServiceUnavailable, "busy")
            : Json(HttpStatusCode.OK, """{"clusterMetrics":{"activeNodes":1}}"""));

        var m = await RmRestClientTests.Client(h, "rm1:8088").GetClusterMetricsAsync();

        Assert.Equal(1, m.ActiveNodes);
        Assert.Equal(3, h.Requests.Count);
    }

    private static HttpResponseMessage Refused() => throw new HttpRequestException("Connection refused");
}
