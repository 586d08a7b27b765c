using System.CommandLine;
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

    public static async Task<int> RunAsync(string[] args, CliServices services, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var parse = BuildRoot(services).Parse(args);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct).ConfigureAwait(false);
        return parse.Errors.Count > 0 && code == 1 ? ExitCodes.BadInput : code;
    }
}
