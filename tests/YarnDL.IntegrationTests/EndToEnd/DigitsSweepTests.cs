using System.Globalization;
using YarnDL.IntegrationTests.Cli;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// README's first command through the built CLI: local MiniCluster process → real AM over Hadoop IPC → trainer containers →
/// the best trial's accuracy. Slow (minutes on two cores): select it with <c>--filter FullyQualifiedName~EndToEnd</c>.
/// </summary>
public sealed class DigitsSweepTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Readme_sweep_on_the_local_minicluster_reaches_97_percent()
    {
        var spec = Path.Combine(Yarndl.RepoRoot, "examples", "digits-sweep.yaml");

        var result = await Yarndl.RunAsync(Deadline, "submit", "--local", spec, "--wait");

        Assert.True(result.ExitCode == 0, result.Stdout);
        var line = result.Stdout.Split('\n').Last(l => l.StartsWith("accuracy: ", StringComparison.Ordinal));
        var accuracy = double.Parse(line["accuracy: ".Length..], CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 0.97, $"best accuracy {accuracy}\n{result.Stdout}");
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("best trial: ", StringComparison.Ordinal));
    }
}
