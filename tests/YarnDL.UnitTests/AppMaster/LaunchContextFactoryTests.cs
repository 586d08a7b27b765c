using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Launch;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

public sealed class LaunchContextFactoryTests
{
    private static readonly LaunchSettings Settings = new()
    {
        AmUrl = new Uri("http://am-host:4242/"),
        Secret = "s3cret",
        TrainerCommand = "./trainer/yarndl-trainer",
        DefaultImage = "registry.example.com/yarndl/trainer:0.1",
    };

    [Fact]
    public void TaskEnv_CarriesIdentityHyperParametersAndCheckpointDir()
    {
        var plan = Plans.Job(Plans.Cluster("trial-0001", hparams: new() { ["learning-rate"] = "0.05" }));
        var cluster = new ClusterSession(plan.Trials[0], 16);
        cluster.Restart(countsAgainstBudget: false);
        var spec = LaunchContextFactory.Build(cluster, cluster.Find("worker", 1)!, plan, Settings);
        Assert.Equal("http://am-host:4242/", spec.Environment[TaskEnv.AmUrl]);
        Assert.Equal("s3cret", spec.Environment[TaskEnv.Secret]);
        Assert.Equal("trial-0001", spec.Environment[TaskEnv.ClusterId]);
        Assert.Equal("worker", spec.Environment[TaskEnv.Role]);
        Assert.Equal("1", spec.Environment[TaskEnv.Index]);
        Assert.Equal("1", spec.Environment[TaskEnv.Generation]);
        Assert.Equal("""{"learning-rate":"0.05"}""", TaskEnvValue.Decode(TaskEnv.HyperParameters, spec.Environment[TaskEnv.HyperParameters]));
        Assert.Contains(""""model":"mlp"""", TaskEnvValue.Decode(TaskEnv.TrainerConfig, spec.Environment[TaskEnv.TrainerConfig]), StringComparison.Ordinal);
        Assert.Equal("hdfs:///ckpt/digits/trial-0001", spec.Environment[TaskEnv.CheckpointDir]);
        Assert.DoesNotContain("YARN_CONTAINER_RUNTIME_TYPE", spec.Environment.Keys);
        Assert.Equal("./trainer/yarndl-trainer 1><LOG_DIR>/worker-1.stdout 2><LOG_DIR>/worker-1.stderr", spec.Command);
    }

    [Fact]
    public void ImageRuntime_SetsYarnDockerEnv()
    {
        var plan = Plans.Job();
        var cluster = new ClusterSession(plan.Trials[0], 16);
        var spec = LaunchContextFactory.Build(cluster, cluster.Slots[0], plan, Settings with { Runtime = TaskRuntime.Image, DockerMounts = ["/data:/data:ro"] });
        Assert.Equal("docker", spec.Environment["YARN_CONTAINER_RUNTIME_TYPE"]);
        Assert.Equal("registry.example.com/yarndl/trainer:0.1", spec.Environment["YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"]);
        Assert.Equal("host", spec.Environment["YARN_CONTAINER_RUNTIME_DOCKER_CONTAINER_NETWORK"]);
        Assert.Equal("/data:/data:ro", spec.Environment["YARN_CONTAINER_RUNTIME_DOCKER_MOUNTS"]);
        Assert.DoesNotContain(spec.Environment.Keys, k => k.Contains("TOKEN", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("python train.py")]
    [InlineData("echo \"$TF_CONFIG\" > out; echo 'a'`b` && exit 3 # go")]
    public void Command_role_runs_through_the_trainers_exec_verb_with_the_command_encoded(string program)
    {
        var plan = Plans.Job(Plans.Cluster() with { Roles = [new() { Name = "worker", Instances = 1, MemoryMb = 512, Command = program }] });
        var cluster = new ClusterSession(plan.Trials[0], 16);
        var spec = LaunchContextFactory.Build(cluster, cluster.Slots[0], plan, Settings);
        Assert.Equal("./trainer/yarndl-trainer exec 1><LOG_DIR>/worker-0.stdout 2><LOG_DIR>/worker-0.stderr", spec.Command);
        var encoded = spec.Environment[TaskEnv.Command];
        Assert.Matches("^base64:[A-Za-z0-9+/=]+$", encoded);
        Assert.Equal(program, TaskEnvValue.Decode(TaskEnv.Command, encoded));
    }

    [Fact]
    public void Trainer_role_gets_no_task_command()
    {
        var plan = Plans.Job();
        var cluster = new ClusterSession(plan.Trials[0], 16);
        var spec = LaunchContextFactory.Build(cluster, cluster.Slots[0], plan, Settings);
        Assert.DoesNotContain(TaskEnv.Command, spec.Environment.Keys);
    }

    [Fact]
    public void Command_role_localizes_the_shipped_trainer_because_its_exec_verb_launches_the_program()
    {
        var bundle = TaskResource.Parse("trainer", "YARNDL_TRAINER_BUNDLE", "30,40,file:///s/trainer.tgz");
        var plan = Plans.Job(Plans.Cluster() with { Roles = [new() { Name = "chief", Instances = 1, MemoryMb = 512, Command = "python3 train.py" }] });
        var cluster = new ClusterSession(plan.Trials[0], 16);

        var spec = LaunchContextFactory.Build(cluster, cluster.Slots[0], plan, Settings with { TrainerBundle = bundle });

        Assert.Equal(bundle, Assert.Single(spec.LocalResources));
        Assert.StartsWith("./trainer/yarndl-trainer exec ", spec.Command, StringComparison.Ordinal);
    }
}
