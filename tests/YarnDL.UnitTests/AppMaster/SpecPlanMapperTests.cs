using YarnDL.AppMaster.Plan;
using YarnDL.Spec.Loading;
using YarnDL.UnitTests.Spec;

namespace YarnDL.UnitTests.AppMaster;

public sealed class SpecPlanMapperTests
{
    [Fact]
    public void Digits_sweep_maps_to_two_trial_clusters_of_two_workers()
    {
        var plan = SpecPlanMapper.Map(JobSpecLoader.LoadFile(RepoPaths.Of("examples", "digits-sweep.yaml")));

        Assert.Equal("digits-sweep", plan.Name);
        Assert.Equal(2, plan.Clusters.Count);
        Assert.Equal(2, plan.Sweep.Parallel);
        Assert.Equal("val_accuracy", plan.Sweep.ObjectiveMetric);
        Assert.Equal(ObjectiveGoal.Maximize, plan.Sweep.Goal);
        Assert.Equal(RestartPolicy.OnFailure, plan.Restart.Policy);
        Assert.Equal(3, plan.Restart.MaxRestarts);
        Assert.Equal(TimeSpan.FromMinutes(10), plan.Deadlines.Allocation);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Deadlines.Registration);
        Assert.Equal(TimeSpan.FromHours(1), plan.Deadlines.Job);
        Assert.Equal("mlp", plan.Trainer["model"]);
        Assert.Equal("digits", plan.Trainer["dataset"]);
        Assert.Equal("20", plan.Trainer["epochs"]);
        Assert.Equal("32", plan.Trainer["batch-size"]);
        Assert.Equal("allreduce", plan.Trainer["strategy"]);
        Assert.Equal(["0.1", "0.05"], plan.Clusters.Select(c => c.HyperParameters["learning-rate"]));
        Assert.Equal(2, plan.Clusters.Select(c => c.Id).Distinct().Count());
        foreach (var cluster in plan.Clusters)
        {
            var worker = Assert.Single(cluster.Roles);
            Assert.Equal("worker", worker.Name);
            Assert.Equal(2, worker.Instances);
            Assert.Equal(1024, worker.MemoryMb);
            Assert.Equal(1, worker.Vcores);
            Assert.Equal(0, worker.Gpus);
            Assert.Null(worker.Command); // trainer: job → YARNDL_TRAINER_COMMAND
        }
    }

    [Fact]
    public void Command_job_runs_its_command_as_a_single_main_cluster()
    {
        const string yaml = """
            name: plain
            image: registry.example.com/x:1
            command: python train.py
            roles:
              worker: { instances: 3, memory: 2g, vcores: 2, gpus: 1 }
            """;

        var plan = SpecPlanMapper.Map(JobSpecLoader.Load(yaml));

        var cluster = Assert.Single(plan.Clusters);
        Assert.Equal("main", cluster.Id);
        var worker = Assert.Single(cluster.Roles);
        Assert.Equal("python train.py", worker.Command);
        Assert.Equal(2048, worker.MemoryMb);
        Assert.Equal(1, worker.Gpus);
        Assert.Empty(plan.Trainer);
        Assert.Equal(0, plan.Sweep.MaxFailedTrials);
    }

    [Theory]
    [InlineData("job.yaml", true)]
    [InlineData("x.YML", true)]
    [InlineData("plan.json", false)]
    public void Yaml_is_recognised_by_extension(string path, bool yaml) => Assert.Equal(yaml, SpecPlanMapper.IsYaml(path));

    [Fact]
    public void Node_attributes_reach_each_role_in_canonical_form_with_the_placement_ones_first()
    {
        var plan = SpecPlanMapper.Map(JobSpecLoader.Load("""
            name: attrs
            image: registry.example.com/x:1
            command: python train.py
            roles:
              chief: { instances: 1 }
              worker: { instances: 2, node-attributes: [nm.yarn.io/gpu-model=A100] }
            placement: { node-attributes: ["java=1.8"], anti-affinity: [worker] }
            """));

        var roles = Assert.Single(plan.Clusters).Roles.ToDictionary(r => r.Name);
        Assert.Equal(["rm.yarn.io/java=1.8"], roles["chief"].NodeAttributes);
        Assert.Equal(["rm.yarn.io/java=1.8", "nm.yarn.io/gpu-model=A100"], roles["worker"].NodeAttributes);
        Assert.True(roles["worker"].AntiAffinity);
        Assert.False(roles["chief"].AntiAffinity);
    }
}
