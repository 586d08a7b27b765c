using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Job;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.Startup;
using YarnDL.AppMaster.State;
using YarnDL.Spec.Model;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>The whole AM (plan file, web server, driver, task API) with a scripted RM and in-process tasks.</summary>
public sealed class AmRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("yarndl-am-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TwoTrialSweep_Succeeds_AndReportsTheBestTrial()
    {
        var plan = Plans.Job(
            Plans.Cluster("trial-0000", workers: 1, hparams: new() { ["lr"] = "0.5" }),
            Plans.Cluster("trial-0001", workers: 1, hparams: new() { ["lr"] = "0.9" })) with
        {
            Sweep = new SweepPlan { Parallel = 2, ObjectiveMetric = "val_accuracy" },
        };
        var (verdict, rm, output) = await RunAsync(plan, rm => new SimulatedNodeManagers(rm));
        Assert.True(verdict.Succeeded, verdict.Diagnostics);
        Assert.Contains("best trial trial-0001 val_accuracy=0.9 {lr=0.9}", verdict.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(FinalStatus.Succeeded, Assert.Single(rm.Finishes).Status);
        Assert.Contains("final: SUCCEEDED", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "staging"))); // state and staging go once the AM has unregistered
    }

    [Fact]
    public async Task TaskThatAlwaysExits1_FailsTheJob_NamingTheTask()
    {
        var plan = Plans.Job(Plans.Cluster("main", workers: 1, hparams: new() { ["lr"] = "0.5" })) with
        {
            };
        plan = Plans.WithRestart(plan, RestartPolicy.OnFailure, 2);
        var (verdict, rm, _) = await RunAsync(plan, rm => new SimulatedNodeManagers(rm) { FailingRole = "worker" });
        Assert.False(verdict.Succeeded);
        Assert.Matches(@"cluster main failed: worker:0 on 127\.0\.0\.1:45454 \(container_\S+\) exited 1: Exception from container-launch \(after 2 restarts\)", verdict.Diagnostics);
        Assert.Equal(FinalStatus.Failed, Assert.Single(rm.Finishes).Status);
    }

    [Fact]
    public async Task GpuAskAboveTheMaximum_FailsFast()
    {
        var plan = Plans.Job(Plans.Cluster("main", workers: 1, gpus: 4));
        var (verdict, rm, _) = await RunAsync(plan, rm => new SimulatedNodeManagers(rm));
        Assert.False(verdict.Succeeded);
        Assert.Contains("asks 4 GPUs per container but the largest container this cluster grants has 2", verdict.Diagnostics, StringComparison.Ordinal);
        Assert.Single(rm.Finishes);
    }

    [Fact]
    public async Task JobYaml_IsReadThroughTheSpec_AndRunsEveryTrial()
    {
        var yaml = Path.Combine(_dir, "job.yaml");
        await File.WriteAllTextAsync(yaml, """
            name: yaml-sweep
            image: registry.example.com/x:1
            command: run-task
            roles:
              worker: { instances: 1, memory: 512m, vcores: 1 }
            sweep:
              strategy: grid
              parallel: 2
              objective: { metric: val_accuracy, goal: maximize }
              parameters:
                lr: [0.5, 0.9]
            """);
        var (verdict, rm, output) = await RunAsync(null, rm => new SimulatedNodeManagers(rm), yaml);
        Assert.True(verdict.Succeeded, verdict.Diagnostics);
        Assert.Contains("val_accuracy=0.9 {lr=0.9}", verdict.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("job: yaml-sweep: 2 cluster(s), 2 task(s)", output, StringComparison.Ordinal);
        Assert.Equal(FinalStatus.Succeeded, Assert.Single(rm.Finishes).Status);
    }

    private async Task<(YarnDL.AppMaster.Trials.JobVerdict Verdict, ScriptedRm Rm, string Output)> RunAsync(
        JobPlan? plan, Func<ScriptedRm, SimulatedNodeManagers> nms, string? jobFile = null)
    {
        var planFile = jobFile ?? Path.Combine(_dir, "job.yaml");

        var env = new AmEnvironment
        {
            ContainerId = "container_1_0001_01_000001",
            Attempt = AttemptIdentity.FromContainerId("container_1_0001_01_000001"),
            NmHost = "127.0.0.1",
            TokenFile = "unused",
            PlanFile = planFile,
            TrainerCommand = "trainer",
            StagingDir = Path.Combine(_dir, "staging"),
            User = "alice",
        };
        var rm = new ScriptedRm();
        using var output = new StringWriter();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var bindings = (AmEnvironment _, YarnSite _) => new RmBindings(rm, _ => nms(rm));
        var options = new DriverOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(20) };
        var progress = TextWriter.Synchronized(output);
        var verdict = plan is null
            ? await AmRunner.RunAsync(env, bindings, TimeProvider.System, NullLoggerFactory.Instance, progress, deadline.Token, options)
            : await AmRunner.RunAsync(plan, env, bindings, TimeProvider.System, NullLoggerFactory.Instance, progress, deadline.Token, options);
        return (verdict, rm, output.ToString());
    }
}
