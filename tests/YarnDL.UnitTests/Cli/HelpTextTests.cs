using System.CommandLine;
using System.CommandLine.Help;
using YarnDL.Cli;
using YarnDL.Cli.Hosting;
using YarnDL.Yarn.Rest;

namespace YarnDL.UnitTests.Cli;

/// <summary>yarndl writes <c>--help</c> itself (fast start); the text must stay what System.CommandLine would write.</summary>
public sealed class HelpTextTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name);
            }
        }

        Walk(CliApp.BuildRoot(Services()), string.Empty);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Help_of_every_command_matches_the_library_help(string path)
    {
        var args = path.Length == 0 ? new[] { "--help" } : [.. path.Split(' '), "--help"];

        // Ours as yarndl runs it: only the verb named in args built whole. The library's on the whole tree.
        var ours = Invoke(CliApp.BuildRoot(Services(), args), args);

        var stockRoot = CliApp.BuildRoot(Services());
        foreach (var help in stockRoot.Options.OfType<HelpOption>())
        {
            help.Action = new HelpAction();
        }

        var stock = Invoke(stockRoot, args);
        Assert.Equal(0, ours.Code);
        Assert.Contains("Usage:", stock.Text, StringComparison.Ordinal);
        Assert.Equal(stock.Text, ours.Text);
    }

    [Fact]
    public void Help_with_a_missing_argument_still_prints_help_and_exits_0()
    {
        var (code, text) = Invoke(CliApp.BuildRoot(Services()), ["submit", "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("yarndl submit <job> [options]".Replace("yarndl", CliApp.BuildRoot(Services()).Name, StringComparison.Ordinal), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "")]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "-v", "--version" }, "")]
    [InlineData(new[] { "--verbose", "submit", "job.yaml", "--wait" }, "submit")]
    [InlineData(new[] { "stop", "application_1_1" }, "stop")]
    [InlineData(new[] { "[suggest:3]", "yarndl s" }, null)]
    [InlineData(new[] { "@args.rsp" }, null)]
    [InlineData(new[] { "--rm", "http://rm:8088", "status" }, null)]
    public void The_verb_to_build_is_the_first_token_after_root_flags(string[] args, string? verb)
    {
        Assert.Equal(verb, CliApp.TargetVerb(CliApp.BuildRoot(Services(), []), args));
    }

    [Fact]
    public void Only_the_verb_that_runs_is_built_whole()
    {
        var help = CliApp.BuildRoot(Services(), ["--help"]);
        Assert.All(help.Subcommands, c => Assert.Empty(c.Options));

        var kill = CliApp.BuildRoot(Services(), ["stop", "application_1_1"]);
        Assert.NotEmpty(kill.Subcommands.Single(c => c.Name == "kill").Options);
        Assert.Empty(kill.Subcommands.Single(c => c.Name == "submit").Options);

        static int[] Shape(RootCommand root) => [.. root.Subcommands.Select(c => c.Options.Count + c.Subcommands.Count)];
        Assert.Equal(Shape(CliApp.BuildRoot(Services())), Shape(CliApp.BuildRoot(Services(), ["sbumit"])));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(120)]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(30)]
    public void The_root_help_written_without_the_command_tree_matches_the_tree_at_every_width(int width)
    {
        var root = CliApp.BuildRoot(Services(), ["--help"]);
        var tree = HelpTextAction.Build(root.Parse(["--help"]).CommandResult, width);

        // The tree is named after the process (testhost here; yarndl as users run it).
        Assert.Equal(tree, RootHelp.Render(width).Replace("  yarndl [command]", "  " + root.Name + " [command]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, "--help")]
    [InlineData(true, "-h")]
    [InlineData(true, "-?")]
    [InlineData(false)]
    [InlineData(false, "--help", "--verbose")]
    [InlineData(false, "submit", "--help")]
    [InlineData(false, "--version")]
    public void Only_the_root_help_alone_takes_the_short_path(bool expected, params string[] args)
    {
        Assert.Equal(expected, RootHelp.IsAsked(args));
    }

    [Fact]
    public void Long_descriptions_wrap_under_their_column()
    {
        var lines = HelpLayout.Wrap("one two three four five", 9);

        Assert.Equal(["one two", "three", "four five"], lines);
    }

    private static (int Code, string Text) Invoke(RootCommand root, string[] args)
    {
        using var output = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static CliServices Services() => new()
    {
        RmClientFactory = _ => throw new InvalidOperationException("no RM in help tests"),
        HttpClientFactory = () => throw new InvalidOperationException("no HTTP in help tests"),
        GetEnv = _ => null,
        UserName = "alice",
    };
}
