using System.Text.Json;
using YarnDL.Client.Jobs;
using YarnDL.Tracking;

namespace YarnDL.UnitTests.Client;

public sealed class JobLogsTests
{
    // Shape of the AM's GET /api/v1/status (src/YarnDL.AppMaster/Web/StatusDocument.cs): two sweep trials of one worker and one ps.
    private const string SweepStatus = """
    {"job":"sweep","state":"RUNNING","clusters":[
      {"id":"trial-0000","state":"RUNNING","tasks":[
        {"role":"worker","index":0,"state":"RUNNING","containerId":"container_e17_1700000000000_0042_01_000002","logUrl":"http://nm1:8042/node/containerlogs/container_e17_1700000000000_0042_01_000002/alice"},
        {"role":"ps","index":0,"state":"RUNNING","containerId":"container_e17_1700000000000_0042_01_000003","logUrl":"http://nm2:8042/node/containerlogs/container_e17_1700000000000_0042_01_000003/alice"}]},
      {"id":"trial-0001","state":"PENDING","tasks":[
        {"role":"worker","index":0,"state":"PENDING"}]}]}
    """;

    private static AmStatus Status(string json) => JsonSerializer.Deserialize<AmStatus>(json)!;

    [Fact]
    public void Nm_log_url_is_the_nmwebservices_containerlogs_path()
    {
        // NMWebServices: @Path("/ws/v1/node") + @Path("/containerlogs/{containerid}/{filename}").
        Assert.Equal(
            "http://nm1:8042/ws/v1/node/containerlogs/container_1700000000000_0042_01_000001/am.stderr",
            JobLogs.NmLogUri("http", "nm1:8042", "container_1700000000000_0042_01_000001", "am.stderr").AbsoluteUri);
    }

    [Fact]
    public void A_task_of_a_trial_resolves_to_its_container_on_its_node_with_the_role_index_files()
    {
        var logs = JobLogs.TaskLogs(Status(SweepStatus), TaskSelector.Parse("worker:0", 0), []);

        Assert.Equal(
            ["http://nm1:8042/ws/v1/node/containerlogs/container_e17_1700000000000_0042_01_000002/worker-0.stdout",
             "http://nm1:8042/ws/v1/node/containerlogs/container_e17_1700000000000_0042_01_000002/worker-0.stderr"],
            logs.Select(l => l.Url.AbsoluteUri));
        Assert.All(logs, l => Assert.Equal("trial-0000 worker:0", l.Owner));
    }

    [Fact]
    public void A_trial_alone_selects_its_tasks_and_tasks_without_a_container_are_skipped()
    {
        var trial0 = JobLogs.TaskLogs(Status(SweepStatus), TaskSelector.Parse(null, 0), ["x.log"]);
        var trial1 = JobLogs.TaskLogs(Status(SweepStatus), TaskSelector.Parse(null, 1), []);
        var everyWorker = JobLogs.TaskLogs(Status(SweepStatus), TaskSelector.Parse("worker:0", null), ["x.log"]);

        Assert.Equal(["nm1:8042", "nm2:8042"], trial0.Select(l => l.Url.Authority));
        Assert.Empty(trial1); // PENDING: no container yet
        Assert.Single(everyWorker);
    }

    [Fact]
    public void Trial_zero_of_a_job_without_a_sweep_is_its_main_cluster()
    {
        var single = Status("""{"job":"j","state":"RUNNING","clusters":[{"id":"main","state":"RUNNING","tasks":[{"role":"chief","index":0,"state":"RUNNING","containerId":"container_1_0001_01_000002","logUrl":"http://nm:8042/node/containerlogs/container_1_0001_01_000002/bob"}]}]}""");

        Assert.Single(JobLogs.TaskLogs(single, TaskSelector.Parse("chief:0", 0), ["a"]));
        Assert.Empty(JobLogs.TaskLogs(single, TaskSelector.Parse("chief:0", 1), ["a"]));
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("worker:")]
    [InlineData(":3")]
    [InlineData("worker:-1")]
    [InlineData("worker:3:4")]
    public void Malformed_task_selectors_are_format_errors(string task) =>
        Assert.Throws<FormatException>(() => TaskSelector.Parse(task, null));
}
