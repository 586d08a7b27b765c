using System.CommandLine;
using YarnDL.Cli.Commands.MiniCluster;

namespace YarnDL.UnitTests.MiniCluster;

public sealed class MiniClusterCommandTests
{
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
        var code = await MiniClusterCommand.Create().Parse(["--nodes", "0"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        Assert.Equal(2, code);
        Assert.StartsWith("error: invalid MiniCluster options: Nodes must be at least 1", error.ToString(), StringComparison.Ordinal);
    }
}
