using System.Net;
using System.Text.Json;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Apps;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Http;
using YarnDL.Yarn.Rest.Submission;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Rest;

public sealed class RmRestClientTests
{
    internal static RmRestClient Client(ScriptedHandler handler, params string[] rms) =>
        new(new HttpClient(handler), new RmClientOptions
        {
            Endpoints = rms.Select(r => new Uri("http://" + r)).ToList(),
            User = "alice",
            RetryDelay = TimeSpan.Zero,
            MaxRetries = 4,
        });

    [Fact]
    public async Task New_application_reads_max_capability_with_gpus()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps/new-application", () => Json(HttpStatusCode.OK, SpecJson.NewApplication));

        var app = await Client(h, "rm1:8088").NewApplicationAsync();

        Assert.Equal("application_1700000000000_0042", app.ApplicationId);
        Assert.Equal(8, app.MaximumResourceCapability!.Gpus);
        Assert.Equal(65536, app.MaximumResourceCapability.Memory);
        Assert.Contains("user.name=alice", h.Requests.Single().Uri.Query, StringComparison.Ordinal);
        Assert.Equal(HttpMethod.Post, h.Requests.Single().Method);
    }

    [Fact]
    public async Task App_report_accepts_numeric_strings_and_reports_success_only_for_finished_succeeded()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps/", () => Json(HttpStatusCode.OK, SpecJson.App("FINISHED", "FAILED")));

        var app = await Client(h, "rm1:8088").GetApplicationAsync("application_1700000000000_0042");

        Assert.Equal(50.0, app.Progress);
        Assert.Equal(1000, app.ElapsedTime);
        Assert.True(app.IsTerminal);
        Assert.False(app.Succeeded);
    }

    [Fact]
    public async Task Not_found_carries_status_and_hadoop_exception_name()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps/", () => Json(HttpStatusCode.NotFound, SpecJson.NotFound));

        var e = await Assert.ThrowsAsync<YarnRestException>(() => Client(h, "rm1:8088").GetApplicationAsync("application_1_0001"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("NotFoundException", e.ExceptionName);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_error_bodies_become_the_message()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps/new-application", () => Text(HttpStatusCode.Forbidden, "App submission via REST is disabled."));

        var e = await Assert.ThrowsAsync<YarnRestException>(() => Client(h, "rm1:8088").NewApplicationAsync());

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Contains("App submission via REST is disabled.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html\"/>\n<title>Error 401 Authentication required</title>\n</head><body><h2>HTTP ERROR 401</h2></body></html>", "401 Unauthorized: Error 401 Authentication required")]
    [InlineData("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>401 Unauthorized</title>\n</head><body>...</body></html>", "401 Unauthorized")]
    public async Task Html_error_pages_are_summed_up_by_their_title(string page, string expected)
    {
        // Jetty's SPNEGO filter (the RM's) and Apache's mod_auth_gssapi answer an unauthenticated request with an HTML page.
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps", () => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent(page, System.Text.Encoding.UTF8, "text/html") });

        var e = await Assert.ThrowsAsync<YarnRestException>(() => Client(h, "rm1:8088").ListApplicationsAsync(new AppsQuery()));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.EndsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"apps":null}""")]
    [InlineData("""{"apps":{}}""")]
    [InlineData("""{"apps":{"app":[]}}""")]
    public async Task Empty_app_lists_in_every_server_generation_read_as_empty(string body)
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps", () => Json(HttpStatusCode.OK, body));

        Assert.Empty(await Client(h, "rm1:8088").ListApplicationsAsync(new AppsQuery { States = ["RUNNING"] }));
        Assert.Contains("states=RUNNING", h.Requests[0].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_app_object_where_a_list_is_expected_is_accepted()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps", () => Json(HttpStatusCode.OK, """{"apps":{"app":{"id":"application_1_0001","state":"RUNNING"}}}"""));

        var apps = await Client(h, "rm1:8088").ListApplicationsAsync(new AppsQuery());

        Assert.Equal("application_1_0001", Assert.Single(apps).Id);
    }

    [Fact]
    public async Task Submission_body_uses_hadoop_key_names_and_entry_maps()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps", () => new HttpResponseMessage(HttpStatusCode.Accepted), HttpMethod.Post);
        var ctx = new ApplicationSubmissionContext
        {
            ApplicationId = "application_1700000000000_0042",
            ApplicationName = "digits",
            ApplicationType = "YARNDL",
            Resource = new() { Memory = 1024, VCores = 1 },
            ApplicationTags = new() { Tag = ["x"] },
            AmContainerSpec = new()
            {
                Environment = EntryMap.From([KeyValuePair.Create("A", "1")]),
                Commands = new() { Command = "yarndl-am" },
                LocalResources = EntryMap.From([KeyValuePair.Create("job.yaml", new LocalResource { Resource = "hdfs://nn/x", Size = 5, Timestamp = 7 })]),
            },
        };

        await Client(h, "rm1:8088").SubmitApplicationAsync(ctx);

        using var doc = JsonDocument.Parse(h.Requests.Single().Body!);
        var root = doc.RootElement;
        Assert.Equal("application_1700000000000_0042", root.GetProperty("application-id").GetString());
        Assert.Equal("YARNDL", root.GetProperty("application-type").GetString());
        Assert.Equal(1024, root.GetProperty("resource").GetProperty("memory").GetInt64());
        Assert.Equal(1, root.GetProperty("resource").GetProperty("vCores").GetInt64());
        Assert.Equal("x", root.GetProperty("application-tags").GetProperty("tag")[0].GetString());
        var spec = root.GetProperty("am-container-spec");
        Assert.Equal("A", spec.GetProperty("environment").GetProperty("entry")[0].GetProperty("key").GetString());
        Assert.Equal("yarndl-am", spec.GetProperty("commands").GetProperty("command").GetString());
        var lr = spec.GetProperty("local-resources").GetProperty("entry")[0].GetProperty("value");
        Assert.Equal(7, lr.GetProperty("timestamp").GetInt64());
        Assert.Equal("FILE", lr.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Kill_puts_killed_until_the_rm_answers_200()
    {
        var calls = 0;
        var h = new ScriptedHandler().On(r => r.Method == HttpMethod.Put
            ? ++calls < 3 ? Json(HttpStatusCode.Accepted, """{"state":"KILLING"}""") : Json(HttpStatusCode.OK, """{"state":"KILLED"}""")
            : null);
        var client = new RmRestClient(new HttpClient(h), new RmClientOptions
        {
            Endpoints = [new Uri("http://rm1:8088")], RetryDelay = TimeSpan.Zero, KillPollInterval = TimeSpan.Zero,
        });

        Assert.Equal("KILLED", await client.KillApplicationAsync("application_1_0001", "by test"));
        Assert.Equal(3, h.Requests.Count);
        Assert.Contains("\"state\":\"KILLED\"", h.Requests[0].Body, StringComparison.Ordinal);
        Assert.EndsWith("/ws/v1/cluster/apps/application_1_0001/state", h.Requests[0].Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_expose_gpu_totals_and_nm_gpu_endpoint_parses_jersey1_shape()
    {
        var h = new ScriptedHandler()
            .On("rm1:8088", "/ws/v1/cluster/nodes", () => Json(HttpStatusCode.OK, SpecJson.NodeWithGpus))
            .On("nm1:8042", "/ws/v1/node/resources/", () => Json(HttpStatusCode.OK, SpecJson.NmGpuJersey1));
        var client = Client(h, "rm1:8088");

        var node = Assert.Single(await client.GetNodesAsync());
        var gpu = await client.GetNodeGpuInfoAsync(node.NodeHttpAddress!);

        Assert.Equal(4, node.TotalResource!.Gpus);
        Assert.Equal(2, gpu.TotalGpuDevices!.Count);
        Assert.Equal("container_e05_1700000000000_0042_01_000002", Assert.Single(gpu.AssignedGpuDevices!).ContainerId);
        Assert.Equal("535.104.05", gpu.GpuDeviceInformation!.DriverVersion);
        Assert.Equal("/ws/v1/node/resources/yarn.io%2Fgpu", h.Requests[1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Delegation_token_goes_in_the_x_hadoop_delegation_token_header_and_spnego_sends_no_user_name()
    {
        // Hadoop's delegation-token auth: any call authenticates with header X-Hadoop-Delegation-Token: <urlstring>.
        HttpRequestMessage? seen = null;
        var h = new ScriptedHandler().On(r => { seen = r; return null; }).On("rm1:8088", "/ws/v1/cluster/apps/", () => Json(HttpStatusCode.OK, SpecJson.App("RUNNING", "UNDEFINED")));
        var client = new RmRestClient(new HttpClient(h), new RmClientOptions
        {
            Endpoints = [new Uri("http://rm1:8088")],
            User = null,
            UseSpnego = true,
            DelegationToken = "KAAHYWxpY2U",
            RetryDelay = TimeSpan.Zero,
        });

        await client.GetApplicationAsync("application_1700000000000_0042");

        Assert.Equal(["KAAHYWxpY2U"], seen!.Headers.GetValues("X-Hadoop-Delegation-Token"));
        Assert.DoesNotContain("user.name", seen.RequestUri!.Query, StringComparison.Ordinal);
    }
}
