using System.CommandLine;
using System.CommandLine.Invocation;
using YarnDL.Cli.Commands;
using YarnDL.Cli.Commands.Admin;
using YarnDL.Cli.Commands.MiniCluster;
using YarnDL.Cli.Hosting;

namespace YarnDL.Cli;

/// <summary>Builds the command tree and runs it; parse errors exit 2.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliServices services)
    {
        var common = new CommonOptions();
        var root = new RootCommand("yarndl: run distributed deep-learning jobs on GPU Hadoop YARN clusters");
        root.Options.Add(common.Verbose);
        root.Subcommands.Add(SubmitCommand.Create(common, services));
        root.Subcommands.Add(StatusCommand.Create(common, services));
        root.Subcommands.Add(ListCommand.Create(common, services));
        root.Subcommands.Add(WaitCommand.Create(common, services));
        root.Subcommands.Add(LogsCommand.Create(common, services));
        root.Subcommands.Add(KillCommand.Create(common, services));
        root.Subcommands.Add(ValidateCommand.Create(common, services));
        root.Subcommands.Add(CompletionCommand.Create(common));

        root.Subcommands.Add(AdminCommand.Create(NodesCommand.Create(common, services)));
        root.Subcommands.Add(MiniClusterCommand.Create());
        HelpTextAction.Install(root);
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A synchronous action (help, version, completion suggestions, parse errors)
    /// runs right here, so such a start compiles no async state machine.
    /// </summary>
    public static Task<int> RunAsync(string[] args, CliServices services, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var parse = BuildRoot(services).Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parse.Action is not AsynchronousCommandLineAction)
        {
            return Task.FromResult(ExitCode(parse, parse.Invoke(configuration)));
        }

        return InvokeAsync(parse, configuration, ct);
    }

    private static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration configuration, CancellationToken ct) =>
        ExitCode(parse, await parse.InvokeAsync(configuration, ct).ConfigureAwait(false));

    private static int ExitCode(ParseResult parse, int code) => parse.Errors.Count > 0 && code == 1 ? ExitCodes.BadInput : code;
}
