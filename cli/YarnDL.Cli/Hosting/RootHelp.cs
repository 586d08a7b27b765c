using System.Text;

namespace YarnDL.Cli.Hosting;

/// <summary>
/// <c>yarndl --help</c> (or <c>-h</c>, <c>-?</c>) alone, written from the root's rows without building the command tree
/// or loading System.CommandLine: the most common start of all, and one that should cost no more than a hello-world.
/// <c>HelpTextTests</c> holds the text equal to what the command tree renders, at every width.
/// </summary>
internal static class RootHelp
{
    private const string Description = "yarndl: run distributed deep-learning jobs on GPU Hadoop YARN clusters";

    private static readonly (string Label, string Text)[] Options =
    [
        ("-v, --verbose", "Log details; print stack traces of internal errors"),
        ("-?, -h, --help", "Show help and usage information"),
        ("--version", "Show version information"),
    ];

    private static readonly (string Label, string Text)[] Commands =
    [
        ("submit <job>", "Submit a job"),
        ("status <app>", "Show the state of an application, its trials and tasks"),
        ("list", "List applications"),
        ("wait <app>", "Wait until an application ends; exit 0 only if it succeeded"),
        ("logs <app>", "Show logs of the ApplicationMaster or of tasks"),
        ("kill, stop <app>", "Kill an application"),
        ("validate <job>", "Check a job spec (and, when a cluster is reachable, its asks)"),
        ("completion <bash|zsh>", "Print a shell completion script (eval \"$(yarndl completion bash)\")"),
        ("admin", "Check and inspect a GPU YARN cluster's configuration"),
        ("minicluster", "Run a local YARN stand-in (ResourceManager + NodeManagers) in the foreground"),
    ];

    /// <summary>True when <paramref name="args"/> ask for the root's help and nothing else.</summary>
    public static bool IsAsked(IReadOnlyList<string> args) => args is ["--help" or "-h" or "-?"];

    /// <summary>The root's help, wrapped at <paramref name="maxWidth"/>.</summary>
    public static string Render(int maxWidth)
    {
        var sb = new StringBuilder(2048);
        sb.Append("Description:\n");
        HelpLayout.AppendIndented(sb, Description);
        sb.Append("\nUsage:\n").Append(HelpLayout.Indent).Append("yarndl [command] [options]\n\n");
        HelpLayout.AppendSection(sb, "Options:", Options, maxWidth);
        HelpLayout.AppendSection(sb, "Commands:", Commands, maxWidth);
        return sb.ToString();
    }

    /// <summary>Writes the root's help to <paramref name="output"/>; exit code 0.</summary>
    public static int Write(TextWriter output)
    {
        output.Write(Render(HelpLayout.MaxWidth(output)));
        output.Flush();
        return 0;
    }
}
