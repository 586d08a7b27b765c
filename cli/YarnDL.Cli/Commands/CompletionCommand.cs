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

    public static Command Create(CommonOptions common)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell completion script (eval \"$(yarndl completion bash)\")") { shell };
        CommandRunner.SetAction(command, common, async (r, o, _) =>
        {
            await o.WriteLineAsync(r.GetValue(shell) == "zsh" ? Zsh : Bash).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
