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
    /// <summary>
    /// The verbs in help order: <c>Declare</c> gives name, aliases, description and arguments (what the root's help lists),
    /// <c>Create</c> the whole verb with its options and action.
    /// </summary>
    private static readonly (Func<Command> Declare, Func<CommonOptions, CliServices, Command> Create)[] Verbs =
    [
        (SubmitCommand.Declare, SubmitCommand.Create),
        (StatusCommand.Declare, StatusCommand.Create),
        (ListCommand.Declare, ListCommand.Create),
        (WaitCommand.Declare, WaitCommand.Create),
        (LogsCommand.Declare, LogsCommand.Create),
        (KillCommand.Declare, KillCommand.Create),
        (ValidateCommand.Declare, ValidateCommand.Create),
        (CompletionCommand.Declare, (common, _) => CompletionCommand.Create(common)),
        (AdminCommand.Declare, (common, services) => AdminCommand.Create(NodesCommand.Create(common, services), services.GetEnv)),
        (MiniClusterCommand.Declare, (_, _) => MiniClusterCommand.Create()),
    ];

    /// <summary>
    /// The command tree. With <paramref name="args"/>, only the verb they run is built whole and the others are declared
    /// (name, description, arguments): building every verb's options and handlers JIT-compiles System.CommandLine's
    /// generic option types for each value type they use, which <c>yarndl --help</c> never needs.
    /// </summary>
    public static RootCommand BuildRoot(CliServices services, IReadOnlyList<string>? args = null) => BuildRoot(() => services, args);

    /// <summary>
    /// As above, creating the services only when a verb is built whole: <c>yarndl --help</c> then loads neither the HTTP
    /// stack nor the REST client assemblies their delegates name.
    /// </summary>
    public static RootCommand BuildRoot(Func<CliServices> createServices, IReadOnlyList<string>? args = null)
    {
        CliServices? services = null;
        var common = new CommonOptions();
        var root = new RootCommand("yarndl: run distributed deep-learning jobs on GPU Hadoop YARN clusters");
        root.Options.Add(common.Verbose);
        var target = args is null ? null : TargetVerb(root, args);
        var declared = new Command[Verbs.Length];
        var found = false;
        for (var i = 0; i < Verbs.Length; i++)
        {
            declared[i] = Verbs[i].Declare();
            found |= target is not null && Names(declared[i], target);
        }

        for (var i = 0; i < Verbs.Length; i++)
        {
            var whole = target is null || (target.Length > 0 && !found) || Names(declared[i], target);
            root.Subcommands.Add(whole ? Verbs[i].Create(common, services ??= createServices()) : declared[i]);
        }

        HelpTextAction.Install(root);
        return root;
    }

    /// <summary>
    /// The verb <paramref name="args"/> run: the first token after the root's own flags; <c>""</c> when there are only root
    /// flags (<c>--help</c>, <c>--version</c>, none); null when a directive, response file or other option comes first.
    /// </summary>
    internal static string? TargetVerb(RootCommand root, IReadOnlyList<string> args)
    {
        foreach (var arg in args)
        {
            if (IsRootFlag(root, arg))
            {
                continue;
            }

            return arg.Length > 0 && arg[0] is not ('-' or '/' or '[' or '@') ? arg : null;
        }

        return string.Empty;
    }

    private static bool IsRootFlag(RootCommand root, string arg)
    {
        foreach (var option in root.Options)
        {
            if (option.Name == arg || option.Aliases.Contains(arg))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(Command command, string name) => command.Name == name || command.Aliases.Contains(name);

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A synchronous action (help, version, completion suggestions, parse errors)
    /// runs right here, so such a start compiles no async state machine.
    /// </summary>
    public static Task<int> RunAsync(string[] args, CliServices services, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        RunAsync(args, () => services, output, error, ct);

    /// <inheritdoc cref="RunAsync(string[], CliServices, TextWriter, TextWriter, CancellationToken)"/>
    public static Task<int> RunAsync(string[] args, Func<CliServices> createServices, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var parse = BuildRoot(createServices, args).Parse(args);
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
