using System.CommandLine;
using System.Text.Json;
using YarnDL.Cli.Commands.Admin;

namespace YarnDL.UnitTests.Admin;

public sealed class AdminCommandTests
{
    private static (int Exit, string Output) Run(params string[] args) => RunWith(_ => null, args);

    private static (int Exit, string Output) RunWith(Func<string, string?> getEnv, params string[] args)
    {
        var root = new RootCommand("yarndl") { AdminCommand.Create(null, getEnv) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString() + error.ToString());
    }

    [Fact]
    public void Clean_sample_exits_0_with_one_ok_line()
    {
        var dir = Path.Combine(AdminPaths.Examples, "capacity-nvidia-docker-v2");
        var (exit, output) = Run("admin", "check-config", "--conf-dir", dir);

        Assert.Equal(0, exit);
        Assert.StartsWith($"ok: {dir}: no GPU/Docker configuration problems found (yarn-site.xml, ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Conf_dir_defaults_to_hadoop_conf_dir_and_without_either_exits_2()
    {
        var dir = Path.Combine(AdminPaths.Examples, "capacity-nvidia-docker-v2");

        var (exit, output) = RunWith(v => v == "HADOOP_CONF_DIR" ? dir : null, "admin", "check-config");
        var (none, why) = Run("admin", "check-config");

        Assert.Equal(0, exit);
        Assert.StartsWith($"ok: {dir}: ", output, StringComparison.Ordinal);
        Assert.Equal(2, none);
        Assert.Contains("pass --conf-dir DIR or set HADOOP_CONF_DIR", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_config_exits_2_with_one_line_per_finding()
    {
        using var dir = new TempDir();
        dir.CopyFrom(Path.Combine(AdminPaths.Examples, "capacity-nvidia-docker-v2"));
        dir.CopyFrom(Path.Combine(AdminPaths.Broken, "default-resource-calculator"));
        File.Delete(Path.Combine(dir.Path, "case.txt"));

        var (exit, output) = Run("admin", "check-config", "--conf-dir", dir.Path);

        Assert.Equal(2, exit);
        string line = output.Split('\n')[0];
        Assert.StartsWith(Path.Combine(dir.Path, "capacity-scheduler.xml") + ":9: yarn.scheduler.capacity.resource-calculator: ", line, StringComparison.Ordinal);
        Assert.Contains(" \u2014 set yarn.scheduler.capacity.resource-calculator to org.apache.hadoop.yarn.util.resource.DominantResourceCalculator", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_lists_rule_file_line_and_property()
    {
        using var dir = new TempDir();
        dir.CopyFrom(Path.Combine(AdminPaths.Examples, "capacity-nvidia-docker-v2"));
        dir.CopyFrom(Path.Combine(AdminPaths.Broken, "gpu-resource-type-missing"));

        var (exit, output) = Run("admin", "check-config", "--conf-dir", dir.Path, "--json");

        Assert.Equal(2, exit);
        using var doc = JsonDocument.Parse(output);
        var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("gpu-resource-type-missing", finding.GetProperty("ruleId").GetString());
        Assert.Equal("yarn.resource-types", finding.GetProperty("property").GetString());
        Assert.Equal(9, finding.GetProperty("line").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Missing_conf_dir_exits_2()
    {
        var (exit, output) = Run("admin", "check-config", "--conf-dir", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, exit);
        Assert.Contains("directory not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_container_executor_file_given_explicitly_exits_2()
    {
        var (exit, output) = Run("admin", "check-config", "--conf-dir", Path.Combine(AdminPaths.Examples, "cgroups-no-docker"),
            "--container-executor", Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".cfg"));

        Assert.Equal(2, exit);
        Assert.Contains("file not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_command_is_added_when_given()
    {
        var admin = AdminCommand.Create(new Command("nodes", "GPU inventory"));

        Assert.Equal(["check-config", "nodes"], admin.Subcommands.Select(c => c.Name).ToArray());
        Assert.Equal(["check-config"], AdminCommand.Create().Subcommands.Select(c => c.Name).ToArray());
    }
}
