using System.Net;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>Shell-script AMs launched end to end as process groups.</summary>
public sealed class LifecycleTests(MiniClusterFixture fx) : IClassFixture<MiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Failing_am_gets_the_nm_environment_token_file_and_is_retried_until_max_attempts()
    {
        var id = await fx.Http.SubmitAsync(Submissions.Shell("env > <LOG_DIR>/env.txt; head -c 4 $HADOOP_TOKEN_FILE_LOCATION > <LOG_DIR>/magic; exit 3"));

        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "FAILED");

        var (_, app, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Equal("FAILED", app!["app"]!["finalStatus"]!.GetValue<string>());
        var diagnostics = app["app"]!["diagnostics"]!.GetValue<string>();
        Assert.Contains("failed 2 times", diagnostics, StringComparison.Ordinal);
        Assert.Contains("exitCode: 3", diagnostics, StringComparison.Ordinal);

        var (_, attempts, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}/appattempts");
        var list = attempts!["appAttempts"]!["appAttempt"]!.AsArray();
        Assert.Equal(2, list.Count);
        var amContainer = list[1]!["containerId"]!.GetValue<string>();
        Assert.Matches("^container_[0-9]+_[0-9]{4}_02_000001$", amContainer);

        var logDir = fx.Cluster.Nodes.Select(n => Path.Combine(n.LogDir, id, amContainer)).Single(Directory.Exists);
        var env = File.ReadAllLines(Path.Combine(logDir, "env.txt"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        Assert.Equal(amContainer, env["CONTAINER_ID"]);
        Assert.Equal("hello", env["GREETING"]);
        Assert.Equal("alice", env["USER"]);
        Assert.Equal(fx.Cluster.ConfDir, env["HADOOP_CONF_DIR"]);
        Assert.EndsWith("/container_tokens", env["HADOOP_TOKEN_FILE_LOCATION"], StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(env["HADOOP_TOKEN_FILE_LOCATION"]));
        }
        Assert.True(long.Parse(env["APP_SUBMIT_TIME_ENV"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        foreach (var key in new[] { "NM_HOST", "NM_PORT", "NM_HTTP_PORT", "LOCAL_DIRS", "LOG_DIRS", "PWD", "HOME" })
            Assert.True(env.ContainsKey(key), key);
        Assert.Equal("HDTS", File.ReadAllText(Path.Combine(logDir, "magic")));
        Assert.True(File.Exists(Path.Combine(fx.Cluster.ConfDir, "yarn-site.xml")));
    }

    [Fact]
    public async Task Registered_am_that_unregisters_finishes_succeeded()
    {
        var done = Path.Combine(fx.Cluster.WorkDir, "done-" + Guid.NewGuid().ToString("N"));
        var id = await fx.Http.SubmitAsync(Submissions.Shell($"while [ ! -f {done} ]; do sleep 0.05; done; exit 0"));
        await fx.Cluster.WaitForAmRunningAsync(id, Deadline);

        fx.Cluster.RegisterApplicationMaster(id, "127.0.0.1", 0, "http://127.0.0.1:1/ui");
        var (_, running, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Equal("RUNNING", running!["app"]!["state"]!.GetValue<string>());
        Assert.Equal("ApplicationMaster", running["app"]!["trackingUI"]!.GetValue<string>());

        fx.Cluster.FinishApplicationMaster(id, "SUCCEEDED", "", null);
        await File.WriteAllTextAsync(done, "");
        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "FINISHED");

        var (_, app, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Equal("SUCCEEDED", app!["app"]!["finalStatus"]!.GetValue<string>());
        Assert.Equal(100f, app["app"]!["progress"]!.GetValue<float>());
    }

    [Fact]
    public async Task Kill_takes_down_the_whole_process_group()
    {
        var pidFile = Path.Combine(fx.Cluster.WorkDir, "child-" + Guid.NewGuid().ToString("N"));
        // Written aside then renamed: a kill that lands mid-write must not leave a half-written pid (an empty one read
        // as "/proc//stat", i.e. /proc/stat, which is always "alive").
        // The NodeManager writes the command inside exec /bin/bash -c "…", so the launch script's own bash would expand
        // an unescaped $! (to nothing): \$ leaves $! to the inner shell, as on a real cluster.
        var id = await fx.Http.SubmitAsync(Submissions.Shell($"sleep 300 & echo \\$! > {pidFile}.tmp && mv {pidFile}.tmp {pidFile}; wait"));
        var am = await fx.Cluster.WaitForAmRunningAsync(id, Deadline);

        var (status, body, _) = await fx.Http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{id}/state?user.name=alice", """{"state":"KILLED"}""");
        Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        Assert.Contains(body!["state"]!.GetValue<string>(), new[] { "KILLING", "KILLED" });

        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "KILLED");
        var (_, state, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}/state");
        Assert.Equal("""{"state":"KILLED"}""", state!.ToJsonString());
        Assert.Equal(-106, fx.Cluster.ContainerExitStatus(am));
        var (again, _, _) = await fx.Http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{id}/state?user.name=alice", """{"state":"KILLED"}""");
        Assert.Equal(HttpStatusCode.OK, again);

        if (File.Exists(pidFile))
        {
            var stat = "/proc/" + File.ReadAllText(pidFile).Trim() + "/stat";
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            // SIGKILL was sent before the app turned KILLED; the kernel may take a moment to tear the child down.
            while (IsAlive(stat)) await Task.Delay(20, cts.Token);
            Assert.False(IsAlive(stat), "the AM's child process outlived the kill");
        }
    }

    [Fact]
    public async Task Privileged_docker_am_is_refused_with_diagnostics()
    {
        var env = """, {"key":"YARN_CONTAINER_RUNTIME_TYPE","value":"docker"}, {"key":"YARN_CONTAINER_RUNTIME_DOCKER_IMAGE","value":"library/ubuntu:22.04"}, {"key":"YARN_CONTAINER_RUNTIME_DOCKER_RUN_PRIVILEGED_CONTAINER","value":"true"}""";
        var id = await fx.Http.SubmitAsync(Submissions.Shell("exit 0", env, maxAttempts: 1));
        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "FAILED");
        var (_, app, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Contains("Privileged containers are disabled", app!["app"]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crashed_am_is_retried_and_the_crashes_use_up_max_app_attempts()
    {
        var id = await fx.Http.SubmitAsync(Submissions.Shell("sleep 300", maxAttempts: 2));
        var first = await fx.Cluster.WaitForAmRunningAsync(id, Deadline);
        var (status, _, _) = await fx.Http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/kill-am", $$"""{"application":"{{id}}"}""");
        Assert.Equal(HttpStatusCode.OK, status);

        var second = await fx.Cluster.WaitForAmRunningAsync(id, Deadline, previousAmContainer: first);
        Assert.EndsWith("_02_000001", second, StringComparison.Ordinal);
        Assert.Equal(128 + 9, fx.Cluster.ContainerExitStatus(first));

        var (again, _, _) = await fx.Http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/kill-am", $$"""{"application":"{{id}}"}""");
        Assert.Equal(HttpStatusCode.OK, again);
        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "FAILED");
        var (_, app, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        var diagnostics = app!["app"]!["diagnostics"]!.GetValue<string>();
        Assert.Contains($"Application {id} failed 2 times", diagnostics, StringComparison.Ordinal);
        Assert.Contains("exitCode: 137", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Am_killed_by_the_rm_or_lost_with_its_node_does_not_use_up_an_attempt()
    {
        // RMAppAttemptImpl.shouldCountTowardsMaxAttemptRetry: -100, -101, -102 and -106 are not the AM's fault.
        var id = await fx.Http.SubmitAsync(Submissions.Shell("sleep 300", maxAttempts: 1));
        var first = await fx.Cluster.WaitForAmRunningAsync(id, Deadline);
        var (status, _, _) = await fx.Http.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/kill-container", $$"""{"container":"{{first}}"}""");
        Assert.Equal(HttpStatusCode.OK, status);

        var second = await fx.Cluster.WaitForAmRunningAsync(id, Deadline, previousAmContainer: first);
        Assert.Equal(-106, fx.Cluster.ContainerExitStatus(first));
        Assert.EndsWith("_02_000001", second, StringComparison.Ordinal);
        var (_, attempts, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}/appattempts");
        Assert.Equal(["FAILED", "LAUNCHED"], attempts!["appAttempts"]!["appAttempt"]!.AsArray().Select(a => a!["appAttemptState"]!.GetValue<string>()));

        await fx.Http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{id}/state?user.name=alice", """{"state":"KILLED"}""");
        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "KILLED");
    }

    private static bool IsAlive(string statPath)
    {
        try
        {
            var stat = File.ReadAllText(statPath);
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
