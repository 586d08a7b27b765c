using System.Net;
using System.Text.Json;
using YarnDL.Cli.Local;
using YarnDL.UnitTests.Rest;
using YarnDL.UnitTests.Spec;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

public sealed class CliCommandTests
{
    private static readonly string Example = RepoPaths.Of("examples", "digits-sweep.yaml");

    private static ScriptedHandler Rm(string finalState = "FINISHED", string finalStatus = "SUCCEEDED") => new ScriptedHandler()
        .On("rm1:8088", "/ws/v1/cluster/apps/new-application", () => Json(HttpStatusCode.OK, SpecJson.NewApplication))
        .On("rm1:8088", "/ws/v1/cluster/apps/application_1700000000000_0042", () => Json(HttpStatusCode.OK, SpecJson.App(finalState, finalStatus)))
        .On("rm1:8088", "/ws/v1/cluster/apps", () => new HttpResponseMessage(HttpStatusCode.Accepted), HttpMethod.Post);

    [Fact]
    public async Task Validate_offline_accepts_the_example()
    {
        using var cli = new CliFixture();
        var r = await cli.RunAsync("validate", Example, "--offline");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2 trial(s) × 2 task(s)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_a_broken_spec_with_its_location_and_exit_2()
    {
        using var cli = new CliFixture();
        var file = RepoPaths.Of("tests", "YarnDL.UnitTests", "Spec", "Broken", "bad-unit.yaml");
        var r = await cli.RunAsync("validate", file, "--offline");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {file}:5:35: bad memory size '2gb' (allowed: a number of megabytes or a number with suffix m, g or t (e.g. 512m, 2g))", r.Stderr.Trim());
    }

    [Fact]
    public async Task Validate_runs_preflight_with_read_only_calls_when_the_cluster_answers()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/scheduler", () => Json(HttpStatusCode.OK,
            """{"scheduler":{"schedulerInfo":{"type":"capacityScheduler","queueName":"root","queuePath":"root","maximumAllocation":{"memory":512,"vCores":4}}}}"""));
        using var cli = new CliFixture(h);
        var r = await cli.RunAsync("validate", Example, "--rm", "http://rm1:8088");

        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"error: preflight: \S*digits-sweep\.yaml:\d+:\d+: role 'worker' asks for 1g memory, above the maximum allocation of 512m", r.Stderr);
        Assert.NotEmpty(cli.Handler.Requests);
        Assert.All(cli.Handler.Requests, q => Assert.Equal(HttpMethod.Get, q.Method));
    }

    [Fact]
    public async Task Submit_stages_job_yaml_and_submits_a_yarndl_application()
    {
        using var cli = new CliFixture(Rm());
        var r = await cli.RunAsync("submit", Example, "--rm", "rm1:8088");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("submitted application_1700000000000_0042", r.Stdout, StringComparison.Ordinal);
        var body = cli.Handler.Requests.Single(q => q.Method == HttpMethod.Post && q.Uri.AbsolutePath == "/ws/v1/cluster/apps").Body!;
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        Assert.Equal("YARNDL", root.GetProperty("application-type").GetString());
        var spec = root.GetProperty("am-container-spec");
        var env = spec.GetProperty("environment").GetProperty("entry").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("value").GetString());
        Assert.Equal("job.yaml", env["YARNDL_JOB_FILE"]);
        Assert.Equal("docker", env["YARN_CONTAINER_RUNTIME_TYPE"]);
        Assert.Equal("registry.example.com/yarndl/trainer:0.1", env["YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"]);
        var job = spec.GetProperty("local-resources").GetProperty("entry")[0];
        Assert.Equal("job.yaml", job.GetProperty("key").GetString());
        Assert.Equal(new FileInfo(Example).Length, job.GetProperty("value").GetProperty("size").GetInt64());
        Assert.StartsWith("yarndl-am ", spec.GetProperty("commands").GetProperty("command").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_with_node_attributes_to_an_rm_that_does_not_report_them_warns_and_submits()
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-cli-attrs-").FullName;
        var job = Path.Combine(dir, "job.yaml");
        await File.WriteAllTextAsync(job, """
            name: attrs
            image: registry.example.com/yarndl/trainer:0.1
            command: ./train.sh
            roles: { worker: { instances: 2, node-attributes: [nm.yarn.io/gpu-model=A100] } }
            """);
        var h = Rm().On("rm1:8088", "/ws/v1/cluster/nodes", () => Json(HttpStatusCode.OK, """{"nodes":{"node":[{"id":"nm1:8041","state":"RUNNING","nodeLabels":[]}]}}"""));
        using var cli = new CliFixture(h);

        var r = await cli.RunAsync("submit", job, "--rm", "rm1:8088");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning: preflight: the RM does not report node attributes", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("submitted application_1700000000000_0042", r.Stdout, StringComparison.Ordinal);
        Assert.Contains(cli.Handler.Requests, q => q.Uri.AbsolutePath == "/ws/v1/cluster/nodes");
    }

    [Fact]
    public async Task Submit_packs_onto_the_nodes_and_refuses_a_job_that_can_never_start()
    {
        var nodes = """{"nodes":{"node":[{"id":"n1:8041","state":"RUNNING","totalResource":{"memory":1536,"vCores":8}},{"id":"n2:8041","state":"RUNNING","totalResource":{"memory":1536,"vCores":8}}]}}""";
        var h = Rm().On("rm1:8088", "/ws/v1/cluster/nodes", () => Json(HttpStatusCode.OK, nodes));
        using var cli = new CliFixture(h);

        var r = await cli.RunAsync("submit", Example, "--rm", "rm1:8088");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the largest running node, n1:8041, has 1536m, 8 vcores and 0 GPU(s)", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Handler.Requests, q => q.Method == HttpMethod.Post && q.Uri.AbsolutePath == "/ws/v1/cluster/apps");
    }

    [Fact]
    public async Task Submit_wait_exits_4_when_the_job_fails()
    {
        using var cli = new CliFixture(Rm("FINISHED", "FAILED"));
        var r = await cli.RunAsync("submit", Example, "--rm", "rm1:8088", "--wait");

        Assert.Equal(4, r.ExitCode);
        Assert.Contains("ended FINISHED/FAILED", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_exits_0_on_success_and_json_status_is_machine_readable()
    {
        using var cli = new CliFixture(Rm());
        var wait = await cli.RunAsync("wait", "application_1700000000000_0042", "--rm", "rm1:8088");
        var status = await cli.RunAsync("status", "application_1700000000000_0042", "--rm", "rm1:8088", "--json");

        Assert.Equal(0, wait.ExitCode);
        Assert.Equal(0, status.ExitCode);
        using var doc = JsonDocument.Parse(status.Stdout);
        Assert.Equal("FINISHED", doc.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Unknown_application_is_bad_input_and_unreachable_rm_is_exit_3()
    {
        var h = new ScriptedHandler()
            .On("rm1:8088", "/ws/v1/cluster/apps/", () => Json(HttpStatusCode.NotFound, SpecJson.NotFound))
            .Refuse("rm9:8088");
        using var cli = new CliFixture(h);

        var missing = await cli.RunAsync("status", "application_1_0001", "--rm", "rm1:8088");
        var down = await cli.RunAsync("kill", "application_1_0001", "--rm", "rm9:8088");

        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: application application_1_0001: 404 NotFoundException", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, down.ExitCode);
        Assert.Single(down.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task List_json_is_an_array_and_asks_for_yarndl_applications()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps", () => Json(HttpStatusCode.OK, """{"apps":{"app":[{"id":"application_1_0001","state":"RUNNING"}]}}"""));
        using var cli = new CliFixture(h);
        var r = await cli.RunAsync("list", "--rm", "rm1:8088", "--state", "running", "--json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("application_1_0001", doc.RootElement[0].GetProperty("id").GetString());
        Assert.Contains("applicationTypes=YARNDL", h.Requests[0].Uri.Query, StringComparison.Ordinal);
        Assert.Contains("states=RUNNING", h.Requests[0].Uri.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "not-an-app")]
    [InlineData("bogus")]
    [InlineData("completion", "fish")]
    [InlineData("logs", "application_1_1", "--task", "worker")]
    public async Task Bad_input_exits_2(params string[] args)
    {
        using var cli = new CliFixture();
        Assert.Equal(2, (await cli.RunAsync(args)).ExitCode);
    }

    [Fact]
    public async Task Completion_prints_a_bash_function_using_suggest()
    {
        using var cli = new CliFixture();
        var r = await cli.RunAsync("completion", "bash");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[suggest:", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_local_without_a_launcher_is_bad_input_and_with_one_targets_its_rm()
    {
        using var without = new CliFixture();
        Assert.Equal(2, (await without.RunAsync("submit", Example, "--local")).ExitCode);

        var launcher = new FakeLauncher();
        using var cli = new CliFixture(Rm()) { Launcher = launcher };
        var r = await cli.RunAsync("submit", Example, "--local");

        Assert.Equal(0, r.ExitCode);
        Assert.True(launcher.Disposed);
        var body = cli.Handler.Requests.Single(q => q.Method == HttpMethod.Post && q.Uri.AbsolutePath == "/ws/v1/cluster/apps").Body!;
        Assert.Contains("dotnet /opt/yarndl/YarnDL.AppMaster.dll", body, StringComparison.Ordinal);
    }

    private sealed class FakeLauncher : ILocalClusterLauncher, ILocalCluster
    {
        public bool Disposed { get; private set; }

        public Uri RmEndpoint => new("http://rm1:8088");

        public string AppMasterDll => "/opt/yarndl/YarnDL.AppMaster.dll";

        public string TrainerCommand => "dotnet /opt/yarndl/YarnDL.Trainer.dll";

        public string StagingRoot { get; } = Directory.CreateTempSubdirectory("yarndl-local-").FullName;

        public Task<ILocalCluster> StartAsync(CancellationToken ct) => Task.FromResult<ILocalCluster>(this);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            Directory.Delete(StagingRoot, true);
            return ValueTask.CompletedTask;
        }
    }
}
