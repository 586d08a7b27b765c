using System.Text.RegularExpressions;
using YarnDL.Cli;
using YarnDL.Cli.Hosting;

namespace YarnDL.UnitTests.Cli;

/// <summary>The CLI README's per-verb exit-code table and <see cref="ExitCodes.ByVerb"/> are the same table, covering every verb.</summary>
public sealed partial class ExitCodeTableTests
{
    private static string Readme => File.ReadAllText(Path.Combine(YarnDL.UnitTests.Spec.RepoPaths.Root(), "cli", "YarnDL.Cli", "README.md"));

    [Fact]
    public void Readme_table_lists_exactly_the_codes_each_verb_can_exit_with()
    {
        var table = VerbRow().Matches(Readme).ToDictionary(
            m => m.Groups["verb"].Value,
            m => m.Groups["codes"].Value.Split(',', StringSplitOptions.TrimEntries).Select(int.Parse).ToArray(),
            StringComparer.Ordinal);

        Assert.Equal(ExitCodes.ByVerb.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        foreach (var (verb, codes) in ExitCodes.ByVerb)
        {
            Assert.Equal(codes, table[verb]);
        }
    }

    [Fact]
    public void Every_verb_of_the_command_tree_has_a_row()
    {
        var root = CliApp.BuildRoot(new CliServices { RmClientFactory = _ => throw new InvalidOperationException(), HttpClientFactory = () => new HttpClient() });
        var verbs = root.Subcommands.SelectMany(c => c.Subcommands.Count == 0 || c.Name != "admin" ? [c.Name] : c.Subcommands.Select(s => $"{c.Name} {s.Name}"));

        Assert.Equal(verbs.Order(StringComparer.Ordinal), ExitCodes.ByVerb.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_meaning_table_names_every_code_and_nothing_else()
    {
        var documented = CodeRow().Matches(Readme).Select(m => int.Parse(m.Groups[1].Value)).Order();

        Assert.Equal([ExitCodes.Ok, ExitCodes.BadInput, ExitCodes.ClusterUnreachable, ExitCodes.JobFailed, ExitCodes.Internal, ExitCodes.Cancelled], documented);
        Assert.All(ExitCodes.ByVerb.Values.SelectMany(c => c), c => Assert.Contains(c, documented));
    }

    [GeneratedRegex(@"(?m)^\| `(?<verb>[a-z -]+)` \| (?<codes>\d+(?:, \d+)*) \|$")]
    private static partial Regex VerbRow();

    [GeneratedRegex(@"(?m)^\| (\d+) \| ")]
    private static partial Regex CodeRow();
}
