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

    [Fact]
    public void A_cluster_needing_more_gpus_at_once_than_the_whole_cluster_has_is_reported_at_roles()
    {
        const string yaml = """
            name: t
            image: img:1
            command: ./train.sh
            roles:
              chief: { instances: 1, gpus: 1 }
              worker: { instances: 4, gpus: 2 }
            """;

        // 1×1 + 4×2 = 9 GPUs against 2 nodes × 4.
        var problems = Preflight.CheckCapacity(JobSpecLoader.Load(yaml), new ClusterCapacity(65536, 64, 8, 2), SpecLocator.For(yaml, "job.yaml"));

        Assert.Equal(
            ["job.yaml:4:1: one training cluster needs 9 GPU(s) at once (chief 1 × 1, worker 4 × 2) but the cluster has 8 in all on 2 active node(s); YARN does not gang-schedule, so it would never start: lower instances or gpus, or submit to a bigger cluster"],
            problems);
        Assert.Empty(Preflight.CheckCapacity(JobSpecLoader.Load(yaml), new ClusterCapacity(65536, 64, 9, 2)));
    }

    [Fact]
    public void Memory_and_vcores_count_the_am_too()
    {
        // AM 1g/1 vcore (defaults unless set) + 2 × 2g/2 vcores = 5g / 5 vcores.
        var spec = JobSpecLoader.Load("""
            name: t
            image: img:1
            command: ./train.sh
            am: { memory: 1g, vcores: 1 }
            roles: { worker: { instances: 2, memory: 2g, vcores: 2 } }
            """);

        Assert.Empty(Preflight.CheckCapacity(spec, new ClusterCapacity(5120, 5, null, 1)));
        var problems = Preflight.CheckCapacity(spec, new ClusterCapacity(5119, 4, null, 1));
        Assert.Equal(2, problems.Count);
        Assert.Contains("need 5120m of memory at once but the cluster has 5119m", problems[0], StringComparison.Ordinal);
        Assert.Contains("need 5 vcores at once but the cluster has 4", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Anti_affinity_needs_as_many_nodes_as_instances()
    {
        var spec = JobSpecLoader.Load("""
            name: t
            image: img:1
            command: ./train.sh
            roles: { worker: { instances: 3 } }
            placement: { anti-affinity: [worker] }
            """);

        Assert.Contains("its 3 instances need 3 distinct nodes, but the cluster has 2 active node(s)", Assert.Single(Preflight.CheckCapacity(spec, new ClusterCapacity(1 << 20, 64, null, 2))), StringComparison.Ordinal);
        Assert.Empty(Preflight.CheckCapacity(spec, new ClusterCapacity(1 << 20, 64, null, 3)));
    }

    [Fact]
    public void Capacity_is_read_from_the_across_partition_totals_and_skipped_without_active_nodes()
    {
        var metrics = System.Text.Json.JsonSerializer.Deserialize<YarnDL.Yarn.Rest.Cluster.ClusterMetrics>("""
            {"totalMB":1024,"totalVirtualCores":2,"activeNodes":2,
             "totalClusterResourcesAcrossPartition":{"memory":16384,"vCores":16,"resourceInformations":{"resourceInformation":[
               {"name":"memory-mb","value":16384,"units":"Mi"},{"name":"vcores","value":16},{"name":"yarn.io/gpu","value":8}]}}}
            """)!;

        Assert.Equal(new ClusterCapacity(16384, 16, 8, 2), ClusterCapacity.From(metrics));
        Assert.Equal(new ClusterCapacity(1024, 2, null, 0), ClusterCapacity.From(new YarnDL.Yarn.Rest.Cluster.ClusterMetrics { TotalMB = 1024, TotalVirtualCores = 2 }));
        Assert.Empty(Preflight.CheckCapacity(GpuJob, new ClusterCapacity(0, 0, 0, 0)));
    }
}
