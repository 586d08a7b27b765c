using System.CommandLine;
using YarnDL.Cli.Hosting;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl completion bash|zsh</c>: prints a shell function that asks <c>yarndl [suggest]</c> for completions.</summary>
internal static class CompletionCommand
{
    private const string Bash = """
        _yarndl_complete() {
          local IFS=$'\n'
          COMPREPLY=( $(yarndl "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) )
        }
        complete -o default -F _yarndl_complete yarndl
        """;

    private const string Zsh = """
        #compdef yarndl
        _yarndl() {
          local -a completions
          completions=("${(@f)$(yarndl "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
          compadd -a completions
        }
        compdef _yarndl yarndl
        """;

    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare()
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        return new Command("completion", "Print a shell completion script (eval \"$(yarndl completion bash)\")") { shell };
    }

    public static Command Create(CommonOptions common)
    {
        var command = Declare();
        var shell = (Argument<string>)command.Arguments[0];
        CommandRunner.SetAction(command, common, async (r, o, _) =>
        {
            await o.WriteLineAsync(r.GetValue(shell) == "zsh" ? Zsh : Bash).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
