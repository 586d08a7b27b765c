using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Failures;
using YarnDL.AppMaster.Rm;
using YarnDL.Spec.Model;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>A failure that is the job's own (bad settings, a program that is not there) ends the cluster at once with the
/// task's stderr, and never counts against the node it happened on.</summary>
public sealed class JobFailureTests
{
    private const string Diagnostics =
        "Exception from container-launch.\nContainer id: c2\nExit code: 127\n"
        + "Container exited with a non-zero exit code 127. Error file: prelaunch.err.\nLast 4096 bytes of prelaunch.err :\n"
        + "Last 4096 bytes of worker-0.stderr :\n/bin/bash: line 1: yarndl-trainer: command not found\n\n";

    [Theory]
    [InlineData(2)]
    [InlineData(126)]
    [InlineData(127)]
    public void Usage_and_shell_errors_are_the_jobs_own(int status) =>
        Assert.Equal(ExitKind.JobFailure, ExitClassifier.Classify(status));

    [Fact]
    public void The_stderr_tail_is_read_from_the_NodeManagers_diagnostics() =>
        Assert.Equal("worker-0.stderr: /bin/bash: line 1: yarndl-trainer: command not found", StderrTail.From(Diagnostics));

    [Fact]
    public void Diagnostics_without_a_quoted_log_have_no_tail() =>
        Assert.Null(StderrTail.From("Container killed on request. Exit code is 143"));

    [Fact]
    public async Task Command_not_found_fails_the_job_at_once_with_stderr_and_no_blacklisting()
    {
        var f = new AmDriverFixture(Plans.WithRestart(Plans.Job(), RestartPolicy.OnFailure, maxRestarts: 3));
        await f.RegisterAsync();
        f.GrantAll();
        await f.Driver.TickAsync(default);
        var worker = f.State.ById["main"].Find("worker", 0)!.ContainerId!;
        f.Rm.Script.Enqueue(_ => new AllocateResult { Completed = [new CompletedContainer(worker, 127, Diagnostics)] });

        var verdict = await f.Driver.TickAsync(default);

        Assert.True(verdict.Finished);
        Assert.False(verdict.Succeeded);
        Assert.Equal(ClusterState.Failed, f.State.ById["main"].State);
        Assert.Equal(0, f.State.ById["main"].Restarts);
        Assert.Contains($"worker:0 on n1:45454 ({worker}) exited 127 (command not found); worker-0.stderr: /bin/bash: line 1: yarndl-trainer: command not found",
            verdict.Diagnostics, StringComparison.Ordinal);
        Assert.All(f.Rm.Calls, c => Assert.Empty(c.BlacklistAdditions));
    }
}
