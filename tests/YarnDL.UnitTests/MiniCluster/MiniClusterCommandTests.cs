using System.CommandLine;
using YarnDL.Cli.Commands.MiniCluster;
using YarnDL.Cli.Local;
using YarnDL.MiniCluster;
using YarnDL.UnitTests.Spec;

namespace YarnDL.UnitTests.MiniCluster;

public sealed class MiniClusterCommandTests
{
    /// <summary>The CLI's build output (this project references it): there the build put minicluster/ beside yarndl.</summary>
    private static string CliBuild =>
        RepoPaths.Of("cli", "YarnDL.Cli", "bin", AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0");

    [Fact]
    public void Defaults_shown_in_help_are_the_minicluster_defaults()
    {
        Assert.Equal(MiniClusterDefaults.MemoryMbPerNode, MiniClusterCommand.DefaultMemoryMbPerNode);
        Assert.Equal(MiniClusterDefaults.VCoresPerNode, MiniClusterCommand.DefaultVCoresPerNode);
    }

    [Fact]
    public void The_cli_build_ships_the_minicluster_host() =>
        Assert.True(File.Exists(MiniClusterProcess.Locate(CliBuild)));

    [Theory]
    [InlineData("8g", 8192L)]
    [InlineData("4096m", 4096L)]
    [InlineData("2048", 2048L)]
    public void Memory_sizes_parse_hadoop_style(string text, long mb)
    {
        var command = MiniClusterCommand.Create();
        var result = command.Parse(["--memory-per-node", text, "--nodes", "2", "--gpus-per-node", "4", "--ha"]);
        Assert.Empty(result.Errors);
        Assert.Equal(mb, result.GetValue<long>("--memory-per-node"));
        Assert.Equal(2, result.GetValue<int>("--nodes"));
        Assert.True(result.GetValue<bool>("--ha"));
    }

    [Theory]
    [InlineData("--memory-per-node", "lots")]
    [InlineData("--nodes", "two")]
    public void Bad_values_are_parse_errors(string option, string value)
    {
        var result = MiniClusterCommand.Create().Parse([option, value]);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public async Task Invalid_shape_exits_2_with_one_error_line()
    {
        var error = new StringWriter();
        var code = await MiniClusterCommand.Create(CliBuild).Parse(["--nodes", "0"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        Assert.Equal(2, code);
        Assert.StartsWith("error: invalid MiniCluster options: Nodes must be at least 1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_in_the_foreground_prints_addresses_and_stops_on_cancellation()
    {
        var output = new LineSignalWriter("ready");
        using var cts = new CancellationTokenSource();
        var run = MiniClusterCommand.Create(CliBuild).Parse(["--nodes", "2", "--gpus-per-node", "1", "--memory-per-node", "2g"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() }, cts.Token);

        await output.Seen.WaitAsync(TimeSpan.FromSeconds(60));
        var text = output.ToString();
        Assert.Matches(@"rm-rest: http://127\.0\.0\.1:[0-9]+/", text);
        Assert.Matches(@"scheduler: 127\.0\.0\.1:[0-9]+", text);
        var confDir = text.Split('\n').Single(l => l.StartsWith("conf-dir: ", StringComparison.Ordinal))["conf-dir: ".Length..].Trim();
        Assert.True(File.Exists(Path.Combine(confDir, "yarn-site.xml")));
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("node: ", StringComparison.Ordinal)));

        await cts.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("stopping", output.ToString(), StringComparison.Ordinal);
    }

    private sealed class LineSignalWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Task WriteLineAsync(string? value)
        {
            var t = base.WriteLineAsync(value);
            if (value?.StartsWith(marker, StringComparison.Ordinal) == true) _seen.TrySetResult();
            return t;
        }
    }
}
