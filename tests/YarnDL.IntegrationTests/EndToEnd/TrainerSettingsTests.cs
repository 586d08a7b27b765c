using System.Globalization;
using YarnDL.IntegrationTests.Cli;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// Through the real yarndl processes, as a user runs them: <c>yarndl minicluster</c> in one process and
/// <c>yarndl submit … --wait</c> in another. Each trial's trainer says the settings it runs with, and a GPU job runs the GPU
/// kernels (simulated GPUs: ILGPU's CPU accelerator). Select with <c>--filter FullyQualifiedName~EndToEnd</c>.
/// </summary>
public sealed class TrainerSettingsTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Job = TimeSpan.FromMinutes(10);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_gpu_example_succeeds_on_simulated_gpus_and_its_tasks_say_so()
    {
        var work = Directory.CreateTempSubdirectory("yarndl-settings-").FullName;
        try
        {
            // The example as shipped, checkpointing below this test's directory so no earlier run's checkpoint is resumed.
            var yaml = await File.ReadAllTextAsync(Path.Combine(Yarndl.RepoRoot, "examples", "gpu-allreduce-local.yaml"));
            var spec = Path.Combine(work, "gpu-allreduce-local.yaml");
            await File.WriteAllTextAsync(spec, yaml.Replace("/tmp/yarndl-ckpt/digits-gpu-local", Path.Combine(work, "ckpt"), StringComparison.Ordinal));

            var app = await RunAsync(work, spec, "--nodes", "2", "--gpus-per-node", "2", "--memory-per-node", "4g", "--vcores-per-node", "4");

            var lines = SettingsLines(work, app, "worker-0.stdout");
            Assert.Contains("\"backend\":\"ilgpu-cpu (simulated GPU)\"", Assert.Single(lines), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task A_sweep_over_hidden_units_reaches_each_trials_trainer()
    {
        var work = Directory.CreateTempSubdirectory("yarndl-settings-").FullName;
        try
        {
            var spec = Path.Combine(work, "hidden-sweep.yaml");
            await File.WriteAllTextAsync(spec, """
                name: hidden-sweep
                image: registry.example.com/yarndl/trainer:0.1
                am: { memory: 512m, vcores: 1 }
                trainer: { model: mlp, dataset: digits, epochs: 1, batch-size: 64 }
                roles:
                  worker: { instances: 1, memory: 512m, vcores: 1 }
                sweep:
                  parallel: 2
                  parameters: { hidden-units: [16, 128] }
                """);

            var app = await RunAsync(work, spec, "--nodes", "1", "--memory-per-node", "4g", "--vcores-per-node", "4");

            var lines = SettingsLines(work, app, "worker-0.stdout");
            Assert.Equal(2, lines.Count);
            Assert.Single(lines, l => l.Contains("\"hidden-units\":16,", StringComparison.Ordinal));
            Assert.Single(lines, l => l.Contains("\"hidden-units\":128,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Starts <c>yarndl minicluster</c> with <paramref name="cluster"/> flags, runs <c>yarndl submit spec --wait</c>
    /// against it (the AM and trainer shipped beside yarndl, no flags naming them), expects exit 0 and returns the application id.</summary>
    private static async Task<string> RunAsync(string work, string spec, params string[] cluster)
    {
        await using var mc = Yarndl.Start(["minicluster", .. cluster, "--work-dir", Path.Combine(work, "mc")]);
        var rest = (await mc.WaitForLineAsync(l => l.StartsWith("rm-rest: ", StringComparison.Ordinal), Ready))["rm-rest: ".Length..];
        await mc.WaitForLineAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Ready);

        var result = await Yarndl.RunAsync(Job, "submit", spec, "--wait", "--rm", rest, "--user", Environment.UserName);

        Assert.True(result.ExitCode == 0, result.Stdout);
        var submitted = result.Stdout.Split('\n').First(l => l.StartsWith("submitted application_", StringComparison.Ordinal));
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("accuracy: ", StringComparison.Ordinal)
            && double.Parse(l["accuracy: ".Length..], CultureInfo.InvariantCulture) > 0);
        mc.Terminate();
        Assert.Equal(0, await mc.WaitForExitAsync(Ready));
        return submitted["submitted ".Length..].Trim();
    }

    /// <summary>The first line of every <paramref name="file"/> the app's containers wrote in the MiniCluster's NodeManager log
    /// directories below <paramref name="work"/> (after the job ends the AM no longer serves task logs).</summary>
    private static List<string> SettingsLines(string work, string app, string file) =>
        [.. Directory.GetDirectories(work, app, SearchOption.AllDirectories)
            .SelectMany(d => Directory.GetFiles(d, file, SearchOption.AllDirectories))
            .Select(f => File.ReadLines(f).First())
            .Select(l => l.StartsWith("settings: {", StringComparison.Ordinal) ? l : throw new Xunit.Sdk.XunitException("first line is not settings: " + l))];
}
