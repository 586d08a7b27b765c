using YarnDL.Admin.Checks;
using YarnDL.Admin.Output;

namespace YarnDL.UnitTests.Admin;

/// <summary>
/// Each Broken/&lt;case&gt;/ folder holds one sample file with one fault and case.txt: the sample it starts from,
/// files to delete, the expected findings (rule|file|line|property[|column]) and the exit code.
/// </summary>
public sealed class BrokenConfigTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(AdminPaths.Broken).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_configuration_reports_exactly_the_expected_finding(string name)
    {
        string caseDir = Path.Combine(AdminPaths.Broken, name);
        var meta = File.ReadAllLines(Path.Combine(caseDir, "case.txt"))
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .ToList();
        using var dir = new TempDir();
        dir.CopyFrom(Path.Combine(AdminPaths.Examples, meta.Single(m => m.Key == "base").Value));
        foreach (string file in Directory.GetFiles(caseDir).Where(f => Path.GetFileName(f) != "case.txt"))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var (_, file) in meta.Where(m => m.Key == "delete"))
        {
            File.Delete(Path.Combine(dir.Path, file));
        }

        var report = new ConfigChecker().Check(dir.Path);

        var actual = report.Findings
            .Select(f => $"{f.RuleId}|{Path.GetFileName(f.File)}|{f.Line}|{f.Property}" + (f.Column > 0 ? $"|{f.Column}" : string.Empty))
            .ToList();
        var expected = meta.Where(m => m.Key == "expect").Select(m => m.Value).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"expected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', report.Findings.Select(FindingFormatter.ToText))}");
        Assert.Equal(int.Parse(meta.Single(m => m.Key == "exit").Value, System.Globalization.CultureInfo.InvariantCulture), report.ExitCode);
        Assert.All(report.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Fix)));
    }

    [Fact]
    public void Corpus_covers_every_rule()
    {
        var covered = Directory.GetDirectories(AdminPaths.Broken)
            .SelectMany(d => File.ReadAllLines(Path.Combine(d, "case.txt")))
            .Where(l => l.StartsWith("expect=", StringComparison.Ordinal))
            .Select(l => l["expect=".Length..].Split('|')[0])
            .ToHashSet();
        var all = typeof(RuleIds).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        var uncovered = all.Where(r => !covered.Contains(r) && r != RuleIds.MissingFile).ToList();
        Assert.True(uncovered.Count == 0, "rules without a broken case: " + string.Join(", ", uncovered));
    }
}
