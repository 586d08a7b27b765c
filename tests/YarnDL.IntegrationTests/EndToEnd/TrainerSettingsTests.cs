using YarnDL.IntegrationTests.Cli;
using YarnDL.MiniCluster;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>On an in-process MiniCluster: each trial's trainer says the settings it runs with, and a GPU job
/// runs the GPU kernels (simulated GPUs: ILGPU's CPU accelerator). Select with <c>--filter FullyQualifiedName~EndToEnd</c>.</summary>
public sealed class TrainerSettingsTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_gpu_example_succeeds_on_simulated_gpus_and_its_tasks_say_so()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 2, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        var yaml = await File.ReadAllTextAsync(Path.Combine(Yarndl.RepoRoot, "examples", "gpu-allreduce-local.yaml"));

        var app = await SubmitAsync(cluster, yaml.Replace("/tmp/yarndl-ckpt/digits-gpu-local", "$CKPT", StringComparison.Ordinal));

        var lines = SettingsLines(cluster, app, "worker-0.stdout");
        Assert.Contains("\"backend\":\"ilgpu-cpu (simulated GPU)\"", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task A_sweep_over_hidden_units_reaches_each_trials_trainer()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 1, MemoryMbPerNode = 4096, VCoresPerNode = 4 });
        var app = await SubmitAsync(cluster, """
            name: hidden-sweep
            image: registry.example.com/yarndl/trainer:0.1
            trainer: { model: mlp, dataset: digits, epochs: 1, batch-size: 64 }
            roles:
              worker: { instances: 1, memory: 512m, vcores: 1 }
            sweep:
              parallel: 2
              parameters: { hidden-units: [16, 128] }
            """);
        var lines = SettingsLines(cluster, app, "worker-0.stdout");
        Assert.Equal(2, lines.Count);
        Assert.Single(lines, l => l.Contains("\"hidden-units\":16,", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("\"hidden-units\":128,", StringComparison.Ordinal));
    }

    /// <summary>Submits as <c>yarndl submit</c> does (the built AM and trainer) and waits for SUCCEEDED.</summary>
    private static async Task<string> SubmitAsync(MiniYarnCluster cluster, string yaml)
    {
        await using var job = await E2eJob.SubmitAsync(cluster, yaml);
        var report = await job.WaitForEndAsync();
        Assert.True(report.FinalStatus == "SUCCEEDED", $"{report.State} {report.FinalStatus}: {report.Diagnostics}");
        return job.ApplicationId;
    }

    /// <summary>The first line of every <paramref name="file"/> the app's containers wrote on the NodeManagers
    /// (task logs are read from the NM's log directories: after the job ends the AM no longer serves them).</summary>
    private static List<string> SettingsLines(MiniYarnCluster cluster, string app, string file) =>
        [.. cluster.Nodes.Select(n => Path.Combine(n.LogDir, app)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, file, SearchOption.AllDirectories))
            .Select(f => File.ReadLines(f).First())
            .Select(l => l.StartsWith("settings: {", StringComparison.Ordinal) ? l : throw new Xunit.Sdk.XunitException("first line is not settings: " + l))];

}
