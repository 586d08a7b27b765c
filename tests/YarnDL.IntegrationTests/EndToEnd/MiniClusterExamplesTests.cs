using System.Globalization;
using YarnDL.IntegrationTests.Cli;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// The step after <c>submit --local</c>: <c>yarndl minicluster</c> in one process, <c>yarndl submit examples/…</c> in
/// another, with no flags naming the AM or the trainer. Containers start through Hadoop's launch script with
/// DefaultContainerExecutor's environment, so nothing can be found through the PATH of the test process.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class MiniClusterExamplesTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Job = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Digits_sweep_in_image_mode_runs_with_the_apps_shipped_beside_yarndl()
    {
        var work = Directory.CreateTempSubdirectory("yarndl-examples-").FullName;
        try
        {
            await using var mc = Yarndl.Start("minicluster", "--nodes", "2", "--memory-per-node", "8g", "--vcores-per-node", "4", "--work-dir", work);
            var rest = (await mc.WaitForLineAsync(l => l.StartsWith("rm-rest: ", StringComparison.Ordinal), Ready))["rm-rest: ".Length..];
            await mc.WaitForLineAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Ready);

            var spec = Path.Combine(Yarndl.RepoRoot, "examples", "digits-sweep.yaml");
            var result = await Yarndl.RunAsync(Job, "submit", spec, "--wait", "--rm", rest, "--user", Environment.UserName);

            Assert.True(result.ExitCode == 0, result.Stdout);
            var line = result.Stdout.Split('\n').Last(l => l.StartsWith("accuracy: ", StringComparison.Ordinal));
            Assert.True(double.Parse(line["accuracy: ".Length..], CultureInfo.InvariantCulture) >= 0.9, result.Stdout);
            var scripts = Directory.EnumerateFiles(work, "launch_container.sh", SearchOption.AllDirectories).ToList();
            Assert.NotEmpty(scripts);
            Assert.All(scripts, s => Assert.StartsWith("#!/bin/bash\n\nset -o pipefail -e\n", File.ReadAllText(s), StringComparison.Ordinal));
            mc.Terminate();
            Assert.Equal(0, await mc.WaitForExitAsync(Ready));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task A_trainer_command_that_is_not_found_fails_the_job_with_its_stderr_instead_of_waiting()
    {
        var work = Directory.CreateTempSubdirectory("yarndl-examples-").FullName;
        try
        {
            await using var mc = Yarndl.Start("minicluster", "--nodes", "2", "--memory-per-node", "4g", "--vcores-per-node", "4", "--work-dir", work);
            var rest = (await mc.WaitForLineAsync(l => l.StartsWith("rm-rest: ", StringComparison.Ordinal), Ready))["rm-rest: ".Length..];
            await mc.WaitForLineAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Ready);
            var spec = Path.Combine(work, "job.yaml");
            await File.WriteAllTextAsync(spec, """
                name: not-found
                am: { memory: 512m, vcores: 1, mode: local }
                trainer: { model: mlp, dataset: digits, epochs: 1 }
                roles:
                  worker: { instances: 2, memory: 512m, vcores: 1 }
                restart: { policy: on-failure, max-restarts: 3 }
                """);

            var result = await Yarndl.RunAsync(Job, "submit", spec, "--wait", "--rm", rest, "--user", Environment.UserName, "--trainer-command", "yarndl-no-such-trainer");

            Assert.True(result.ExitCode == 4, result.Stdout);
            Assert.Matches(@"worker:[01] on 127\.0\.0\.1:\d+ \(container_\S+\) exited 127 \(command not found\); worker-[01]\.stderr: .*yarndl-no-such-trainer: command not found", result.Stdout);
            mc.Terminate();
            Assert.Equal(0, await mc.WaitForExitAsync(Ready));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
