using System.Net;
using System.Text.Json.Nodes;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>RM REST shapes and codes as Hadoop's RM REST API writes them (wrapping, nulls, RemoteException).</summary>
public sealed class RestShapeTests(MiniClusterFixture fx) : IClassFixture<MiniClusterFixture>
{
    private HttpClient Http => fx.Http;

    [Fact]
    public async Task ClusterInfo_is_wrapped_and_active()
    {
        var (status, body, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/info");
        Assert.Equal(HttpStatusCode.OK, status);
        var info = body!["clusterInfo"]!;
        Assert.Equal("ACTIVE", info["haState"]!.GetValue<string>());
        Assert.Equal("STARTED", info["state"]!.GetValue<string>());
        Assert.Equal(info["id"]!.GetValue<long>(), info["startedOn"]!.GetValue<long>());
    }

    [Fact]
    public async Task Metrics_count_nodes_and_expose_gpus_across_partition()
    {
        var (_, body, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/metrics");
        var m = body!["clusterMetrics"]!;
        Assert.Equal(2, m["activeNodes"]!.GetValue<int>());
        Assert.Equal(16384, m["totalMB"]!.GetValue<long>());
        var gpu = m["totalClusterResourcesAcrossPartition"]!["resourceInformations"]!["resourceInformation"]!.AsArray()
            .Single(i => i!["name"]!.GetValue<string>() == "yarn.io/gpu");
        Assert.Equal(8, gpu!["value"]!.GetValue<long>());
    }

    [Fact]
    public async Task NewApplication_is_bare_with_gpu_in_maximum_capability()
    {
        var (status, body, _) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application?user.name=alice");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^application_[0-9]+_[0-9]{4,}$", body!["application-id"]!.GetValue<string>());
        var cap = body["maximum-resource-capability"]!;
        Assert.Equal(8192, cap["memory"]!.GetValue<long>());
        var infos = cap["resourceInformations"]!["resourceInformation"]!.AsArray();
        Assert.Equal(["memory-mb", "vcores", "yarn.io/gpu"], infos.Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal("Mi", infos[0]!["units"]!.GetValue<string>());
        Assert.Equal(4, infos[2]!["value"]!.GetValue<long>());
        Assert.Equal(long.MaxValue, infos[2]!["maximumAllocation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Submit_answers_202_with_location_and_resubmit_is_idempotent()
    {
        var (_, created, _) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application?user.name=alice");
        var id = created!["application-id"]!.GetValue<string>();
        var body = Submissions.Shell("sleep 30").Replace("$ID", id, StringComparison.Ordinal);

        var (status, _, resp) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps?user.name=alice", body);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.EndsWith("/ws/v1/cluster/apps/" + id, resp.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, resp.Content.Headers.ContentLength ?? 0);

        var (again, _, _) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps?user.name=alice", body);
        Assert.Equal(HttpStatusCode.Accepted, again);

        var (_, app, _) = await Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Equal("alice", app!["app"]!["user"]!.GetValue<string>());
        Assert.Equal("team-a,nightly", app["app"]!["applicationTags"]!.GetValue<string>());
        Assert.Equal("DLJOB", app["app"]!["applicationType"]!.GetValue<string>());
        Assert.Contains(app["app"]!["state"]!.GetValue<string>(), new[] { "ACCEPTED", "RUNNING" });

        var (_, list, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps?applicationTags=nightly&user=alice&states=accepted,running");
        Assert.Contains(list!["apps"]!["app"]!.AsArray(), a => a!["id"]!.GetValue<string>() == id);

        var (_, attempts, _) = await Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}/appattempts");
        var first = attempts!["appAttempts"]!["appAttempt"]!.AsArray()[0]!;
        Assert.Equal(1, first["id"]!.GetValue<int>());
        Assert.EndsWith("_000001", first["appAttemptId"]!.GetValue<string>(), StringComparison.Ordinal);

        await Http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{id}/state?user.name=alice", """{"state":"KILLED"}""");
        await fx.Cluster.WaitForAppStateAsync(id, TimeSpan.FromSeconds(30), "KILLED");
    }

    [Fact]
    public async Task Empty_app_list_is_apps_null()
    {
        var (status, body, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps?applicationTypes=NO_SUCH_TYPE");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"apps":null}""", body!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_app_is_404_not_found_exception()
    {
        var (status, body, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps/application_1_0001");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var e = body!["RemoteException"]!;
        Assert.Equal("NotFoundException", e["exception"]!.GetValue<string>());
        Assert.Equal("org.apache.hadoop.yarn.webapp.NotFoundException", e["javaClassName"]!.GetValue<string>());
        Assert.Equal("java.lang.Exception: app with id: application_1_0001 not found", e["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"application-id":"not-an-id"}""")]
    [InlineData("""{"application-id":"application_1_0001","queue":"nope"}""")]
    [InlineData("""{"application-id":"application_1_0001","resource":{"memory":-5,"vCores":1}}""")]
    public async Task Bad_submissions_are_400_bad_request(string body)
    {
        var (status, json, _) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps?user.name=alice", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadRequestException", json!["RemoteException"]!["exception"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_submission_leaves_nothing_behind_and_unknown_fields_are_ignored_as_jaxb_does()
    {
        var (_, created, _) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application?user.name=alice");
        var id = created!["application-id"]!.GetValue<string>();
        var good = Submissions.Shell("sleep 30").Replace("$ID", id, StringComparison.Ordinal);
        var negative = good.Replace("\"memory\": 1024", "\"memory\": -1024", StringComparison.Ordinal);
        var wrongType = good.Replace("\"max-app-attempts\": 2", "\"max-app-attempts\": \"two\"", StringComparison.Ordinal);

        foreach (var bad in new[] { negative, wrongType, good[..(good.Length / 2)] })
        {
            var (status, json, _) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps?user.name=alice", bad);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            var e = json!["RemoteException"]!;
            Assert.Equal("BadRequestException", e["exception"]!.GetValue<string>());
            Assert.Equal("org.apache.hadoop.yarn.webapp.BadRequestException", e["javaClassName"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(e["message"]!.GetValue<string>()));
            Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}")).Status);
        }

        var withUnknown = good.Replace("\"queue\":", "\"no-such-field\": {\"x\": 1}, \"queue\":", StringComparison.Ordinal);
        var (accepted, _, _) = await Http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps?user.name=alice", withUnknown);
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        var (_, app, _) = await Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Equal("shell-am", app!["app"]!["name"]!.GetValue<string>());
        await Http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{id}/state?user.name=alice", """{"state":"KILLED"}""");
        await fx.Cluster.WaitForAppStateAsync(id, TimeSpan.FromSeconds(30), "KILLED");
    }

    [Theory]
    [InlineData("ws/v1/cluster/apps?limit=0")]
    [InlineData("ws/v1/cluster/apps?states=SLEEPING")]
    [InlineData("ws/v1/cluster/apps?finalStatus=succeeded")]
    [InlineData("ws/v1/cluster/apps?deSelects=everything")]
    [InlineData("ws/v1/cluster/apps?startedTimeBegin=abc")]
    [InlineData("ws/v1/cluster/apps?startedTimeBegin=10&startedTimeEnd=5")]
    public async Task Bad_list_filters_are_400(string path)
    {
        var (status, json, _) = await Http.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(json!["RemoteException"]);
    }

    [Fact]
    public async Task Nodes_list_wraps_and_reports_gpus()
    {
        var (_, body, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/nodes?states=running");
        var nodes = body!["nodes"]!["node"]!.AsArray();
        Assert.Equal(2, nodes.Count);
        var total = nodes[0]!["totalResource"]!["resourceInformations"]!["resourceInformation"]!.AsArray();
        Assert.Equal(4, total.Single(i => i!["name"]!.GetValue<string>() == "yarn.io/gpu")!["value"]!.GetValue<long>());
        var (_, one, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/nodes/" + nodes[0]!["id"]!.GetValue<string>());
        Assert.Equal("RUNNING", one!["node"]!["state"]!.GetValue<string>());
        var (_, lost, _) = await Http.SendAsync(HttpMethod.Get, "ws/v1/cluster/nodes?states=LOST");
        Assert.Equal("""{"nodes":null}""", lost!.ToJsonString());
    }

    [Fact]
    public async Task Put_state_other_than_killed_is_400()
    {
        var id = await Http.SubmitAsync(Submissions.Shell("sleep 30"));
        var (status, body, _) = await Http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{id}/state?user.name=alice", """{"state":"FINISHED"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Only 'KILLED' is allowed as a target state.", body!["RemoteException"]!["message"]!.GetValue<string>());
        await Http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{id}/state?user.name=alice", """{"state":"KILLED"}""");
        await fx.Cluster.WaitForAppStateAsync(id, TimeSpan.FromSeconds(30), "KILLED");
    }
}
