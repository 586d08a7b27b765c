using YarnDL.Client.Submit;
using YarnDL.Spec.Loading;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.UnitTests.Client;

public sealed class PreflightTests
{
    private static readonly YarnDL.Spec.Model.JobSpec GpuJob = JobSpecLoader.Load("""
        name: t
        image: img:1
        command: ./train.sh
        queue: gpu
        roles: { worker: { instances: 2, gpus: 2, memory: 4g } }
        """);

    private static ResourceInfo Max(long? gpus) => new()
    {
        Memory = 8192,
        VCores = 8,
        ResourceInformations = new ResourceInformations
        {
            Items = gpus is { } g ? [new ResourceInformation { Name = ResourceInfo.Gpu, Value = g }] : [],
        },
    };

    [Fact]
    public void Gpu_ask_needs_the_gpu_resource_type() =>
        Assert.Contains("no 'yarn.io/gpu' resource type", Assert.Single(Preflight.Check(GpuJob, Max(null), null, null)), StringComparison.Ordinal);

    [Fact]
    public void Gpu_ask_above_the_maximum_allocation_is_reported() =>
        Assert.Contains("above the cluster's maximum allocation of 1", Assert.Single(Preflight.Check(GpuJob, Max(1), null, null)), StringComparison.Ordinal);

    [Fact]
    public void Unknown_queue_is_reported_and_a_fitting_job_passes()
    {
        Assert.Contains("queue 'gpu' does not exist", Assert.Single(Preflight.Check(GpuJob, Max(4), new HashSet<string> { "default" }, "gpu")), StringComparison.Ordinal);
        Assert.Empty(Preflight.Check(GpuJob, Max(4), new HashSet<string> { "default", "gpu" }, "gpu"));
    }

    [Fact]
    public void Problems_name_file_line_and_column_of_the_key_they_are_about()
    {
        const string yaml = """
            name: t
            image: img:1
            command: ./train.sh
            roles:
              worker: { instances: 2, gpus: 8 }
              ps: { instances: 1, vcores: 16 }
            """;
        var locator = SpecLocator.For(yaml, "job.yaml");

        var problems = Preflight.Check(JobSpecLoader.Load(yaml), Max(4), null, null, locator);

        // Line 5 is "  worker: { instances: 2, gpus: 8 }": 'gpus' starts at column 27; line 6's 'vcores' at column 23.
        Assert.Equal(
            ["job.yaml:5:27: role 'worker' asks for 8 GPU(s) per task, above the cluster's maximum allocation of 4",
             "job.yaml:6:23: role 'ps' asks for 16 vcores, above the maximum allocation of 8"],
            problems);
    }
}
