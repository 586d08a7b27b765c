using YarnDL.Admin.Checks;
using YarnDL.Admin.Output;

namespace YarnDL.UnitTests.Admin;

public sealed class SampleConfigTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(AdminPaths.Examples).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_folder_passes_check_config_clean(string sample)
    {
        var report = new ConfigChecker().Check(Path.Combine(AdminPaths.Examples, sample));

        Assert.True(report.Findings.Count == 0, string.Join('\n', report.Findings.Select(FindingFormatter.ToText)));
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Every_setup_the_issue_asks_for_has_a_folder_with_a_readme()
    {
        string[] expected = ["capacity-nvidia-docker-v2", "cgroups-no-docker", "fair-scheduler", "nvidia-docker-v1"];
        foreach (string name in expected)
        {
            string dir = Path.Combine(AdminPaths.Examples, name);
            Assert.True(File.Exists(Path.Combine(dir, "README.md")), $"{name}/README.md");
            Assert.True(File.Exists(Path.Combine(dir, "yarn-site.xml")), $"{name}/yarn-site.xml");
            Assert.True(File.Exists(Path.Combine(dir, "resource-types.xml")), $"{name}/resource-types.xml");
            Assert.True(File.Exists(Path.Combine(dir, "container-executor.cfg")), $"{name}/container-executor.cfg");
            Assert.True(File.Exists(Path.Combine(dir, "capacity-scheduler.xml")) || File.Exists(Path.Combine(dir, "fair-scheduler.xml")), name);
        }
    }
}
