using YarnDL.Client.Submit;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.UnitTests.Client;

public sealed class SubmissionBuilderTests
{
    private static readonly JobSpec Spec = JobSpecLoader.Load("""
        name: digits
        image: reg/trainer:1
        priority: 2
        tags: [a]
        am: { memory: 2g, vcores: 2 }
        trainer: { model: mlp, dataset: digits }
        roles: { worker: { instances: 2 } }
        docker: { network: bridge, mounts: ["/data:/data:ro"] }
        """);

    private static readonly Dictionary<string, LocalResource> Job = new() { ["job.yaml"] = new LocalResource { Resource = "hdfs://nn/x", Size = 1, Timestamp = 2 } };

    private static Dictionary<string, string?> Env(ApplicationSubmissionContext c) =>
        c.AmContainerSpec.Environment.Entry.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void Image_mode_runs_yarndl_am_in_docker_with_the_job_settings()
    {
        var c = SubmissionBuilder.Build(Spec, "application_1_0001", new SubmitOptions { User = "alice" }, AmMode.Image, Job, "hdfs://nn/user/alice/.yarndl/application_1_0001");

        Assert.Equal(("YARNDL", 2, 2048L, 2L, true), (c.ApplicationType, c.Priority, c.Resource.Memory, c.Resource.VCores, c.KeepContainersAcrossApplicationAttempts));
        Assert.Null(c.Resource.ResourceInformations);
        var env = Env(c);
        Assert.Equal("bridge", env["YARN_CONTAINER_RUNTIME_DOCKER_CONTAINER_NETWORK"]);
        Assert.Equal("/data:/data:ro", env["YARN_CONTAINER_RUNTIME_DOCKER_MOUNTS"]);
        Assert.Equal("alice", env["YARNDL_SUBMIT_USER"]);
        Assert.Equal("image", env["YARNDL_TASK_RUNTIME"]);
        Assert.Equal("yarndl-am 1><LOG_DIR>/am.stdout 2><LOG_DIR>/am.stderr", c.AmContainerSpec.Commands.Command);
    }

    [Fact]
    public void Local_mode_runs_the_am_dll_with_dotnet_and_no_docker()
    {
        var c = SubmissionBuilder.Build(Spec, "application_1_0001", new SubmitOptions { User = "alice", LocalAmDll = "/opt/am/YarnDL.AppMaster.dll", TrainerCommand = "dotnet /opt/t.dll" }, AmMode.Local, Job, "/tmp/s");

        var env = Env(c);
        Assert.DoesNotContain("YARN_CONTAINER_RUNTIME_TYPE", env.Keys);
        Assert.Equal("local", env["YARNDL_TASK_RUNTIME"]);
        Assert.Equal("dotnet /opt/t.dll", env["YARNDL_TRAINER_COMMAND"]);
        Assert.StartsWith("dotnet /opt/am/YarnDL.AppMaster.dll ", c.AmContainerSpec.Commands.Command, StringComparison.Ordinal);
    }
}
