using YarnDL.TaskProtocol;
using YarnDL.Trainer.Launcher;

namespace YarnDL.UnitTests.Trainer;

public sealed class LaunchCommandTests
{
    [Fact]
    public void Without_arguments_the_command_comes_from_the_encoded_variable_untouched()
    {
        const string script = "echo \"$TF_CONFIG\" > 'out file'; exit `echo 3`";
        var env = new Dictionary<string, string> { [TaskEnv.Command] = TaskEnvValue.Encode(script) };

        var c = LaunchCommand.Parse([], env.GetValueOrDefault);

        Assert.Equal(script, c.Script);
        Assert.Empty(c.Arguments);
    }

    [Fact]
    public void After_a_double_dash_the_script_and_its_arguments_go_to_bash_as_they_are()
    {
        var c = LaunchCommand.Parse(["--", "echo $1", "name", "a b"], _ => null);

        Assert.Equal("echo $1", c.Script);
        Assert.Equal(["name", "a b"], c.Arguments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("python train.py")]
    [InlineData("--")]
    public void No_command_is_a_usage_error_naming_the_variable(string args)
    {
        var e = Assert.Throws<LauncherUsageException>(() => LaunchCommand.Parse(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), _ => null));

        Assert.Contains("usage: yarndl-trainer exec", e.Message, StringComparison.Ordinal);
        Assert.Contains(TaskEnv.Command, e.Message, StringComparison.Ordinal);
    }
}
