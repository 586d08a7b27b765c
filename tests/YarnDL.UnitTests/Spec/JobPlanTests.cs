using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;

namespace YarnDL.UnitTests.Spec;

/// <summary>job.yaml → the plan the AM runs: ids, sweep policy, deadlines, restart per role.</summary>
public sealed class JobPlanTests
{
    [Fact]
    public void Digits_sweep_is_two_trial_clusters_of_two_workers_each_with_its_own_learning_rate()
    {
        var plan = JobPlan.From(JobSpecLoader.LoadFile(RepoPaths.Of("examples", "digits-sweep.yaml")));

        Assert.Equal("digits-sweep", plan.Name);
        Assert.Equal(["trial-0000", "trial-0001"], plan.Trials.Select(t => t.Id));
        Assert.Equal(2, plan.Sweep.Parallel);
        Assert.Equal("val_accuracy", plan.Sweep.ObjectiveMetric);
        Assert.Equal(ObjectiveGoal.Maximize, plan.Sweep.Goal);
        Assert.Equal(2, plan.Sweep.MaxFailedTrials); // no max-failed-trials: failed trials never fail the sweep
        Assert.Equal(TimeSpan.FromMinutes(10), plan.Deadlines.Allocation);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Deadlines.Registration);
        Assert.Equal(TimeSpan.FromHours(1), plan.Deadlines.Job);
        Assert.Equal(["0.1", "0.05"], plan.Trials.Select(c => c.HyperParameters["learning-rate"]));
        Assert.Equal([0.1, 0.05], plan.Trials.Select(c => c.Trainer!.LearningRate));
        foreach (var trial in plan.Trials)
        {
            var worker = Assert.Single(trial.Roles);
            Assert.Equal(("worker", 2, 1024L, 1, 0), (worker.Name, worker.Instances, worker.MemoryMb, worker.Vcores, worker.Gpus));
            Assert.Equal((RestartPolicy.OnFailure, 3), (worker.Restart, worker.MaxRestarts));
            Assert.Null(worker.Command); // the built-in trainer: the AM's YARNDL_TRAINER_COMMAND
        }
    }

    [Fact]
    public void Command_job_without_a_sweep_is_one_main_cluster_that_fails_at_its_first_failure()
    {
        var plan = JobPlan.From(JobSpecLoader.Load("""
            name: plain
            image: registry.example.com/x:1
            command: python train.py
            roles:
              worker: { instances: 3, memory: 2g, vcores: 2, gpus: 1 }
            """));

        var trial = Assert.Single(plan.Trials);
        Assert.Equal(TrialPlan.MainId, trial.Id);
        Assert.Null(trial.Trainer);
        var worker = Assert.Single(trial.Roles);
        Assert.Equal(("python train.py", 2048L, 1), (worker.Command, worker.MemoryMb, worker.Gpus));
        Assert.Equal(0, plan.Sweep.MaxFailedTrials);
    }

    [Fact]
    public void Max_failed_trials_n_fails_the_sweep_at_the_nth_failure()
    {
        var plan = JobPlan.From(JobSpecLoader.Load("""
            name: s
            image: img:1
            command: run
            roles: { worker: { instances: 1 } }
            sweep: { max-failed-trials: 2, parameters: { a: [1, 2, 3] } }
            """));

        Assert.Equal(1, plan.Sweep.MaxFailedTrials); // the AM fails once more than this many failed
    }

    [Fact]
    public void Each_role_gets_its_own_restart_override_else_the_jobs_policy()
    {
        var plan = JobPlan.From(JobSpecLoader.Load("""
            name: r
            image: img:1
            command: run
            roles:
              chief: { instances: 1 }
              worker: { instances: 2, restart: never }
              ps: { instances: 1, restart: on-failure }
            restart: { policy: always, max-restarts: 5 }
            """));

        var roles = Assert.Single(plan.Trials).Roles.ToDictionary(r => r.Name, r => (r.Restart, r.MaxRestarts));
        Assert.Equal((RestartPolicy.Always, 5), roles["chief"]);
        Assert.Equal((RestartPolicy.Never, 5), roles["worker"]);
        Assert.Equal((RestartPolicy.OnFailure, 5), roles["ps"]);
    }
}
