using System.Net;
using System.Text;
using YarnDL.UnitTests.Rest;
using YarnDL.UnitTests.Spec;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

/// <summary>Each failure path ends with a documented exit code and names the file, property or URL at fault.</summary>
public sealed class ExitPathTests
{
    private static readonly string Example = RepoPaths.Of("examples", "digits-sweep.yaml");

    private static HttpResponseMessage Html() =>
        new(HttpStatusCode.OK) { Content = new StringContent("<html><body>Sign in</body></html>", Encoding.UTF8, "text/html") };

    [Fact]
    public async Task An_html_page_at_the_rm_address_is_exit_3_naming_the_url()
    {
        using var cli = new CliFixture(new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps", Html));

        var r = await cli.RunAsync("list", "--rm", "rm1:8088");

        Assert.Equal(3, r.ExitCode);
        Assert.StartsWith("error: http://rm1:8088/ws/v1/cluster/apps answered 200 text/html", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("user.name", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_json_is_exit_3_without_the_json_library_text()
    {
        using var cli = new CliFixture(new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps/", () => Json(HttpStatusCode.OK, """{"app":{"id":"applica""")));

        var r = await cli.RunAsync("status", "application_1_0001", "--rm", "rm1:8088");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("http://rm1:8088/ws/v1/cluster/apps/application_1_0001 answered 200 application/json", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_against_a_named_rm_that_is_down_is_exit_3()
    {
        using var cli = new CliFixture(new ScriptedHandler().Refuse("rm9:8088"));

        var r = await cli.RunAsync("validate", Example, "--rm", "rm9:8088");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("rm9:8088", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_with_no_rm_named_anywhere_says_it_tried_localhost_and_checks_offline()
    {
        using var cli = new CliFixture(new ScriptedHandler().Refuse("localhost:8088"));

        var r = await cli.RunAsync("validate", Example);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ok: 'digits-sweep'", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set: trying http://localhost:8088/, which did not answer", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_does_not_print_ok_for_a_job_it_rejects()
    {
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/scheduler", () => Json(HttpStatusCode.OK,
            """{"scheduler":{"schedulerInfo":{"type":"capacityScheduler","queueName":"root","queuePath":"root","maximumAllocation":{"memory":512,"vCores":4}}}}"""));
        using var cli = new CliFixture(h);

        var r = await cli.RunAsync("validate", Example, "--rm", "rm1:8088");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(": rejected: 'digits-sweep'", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(": ok:", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_yarn_site_is_exit_2_naming_the_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-badsite-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "yarn-site.xml"), "<configuration>\n<property><name>x</name>\n</configuration>\n");
        using var cli = new CliFixture { Env = v => v == "HADOOP_CONF_DIR" ? dir : null };

        var r = await cli.RunAsync("list");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"error: {Path.Combine(dir, "yarn-site.xml")}:3:", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_address_value_is_exit_2_naming_the_property()
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-badaddr-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "yarn-site.xml"), """
            <configuration>
              <property><name>yarn.resourcemanager.webapp.address</name><value>rm 1:8088</value></property>
            </configuration>
            """);
        using var cli = new CliFixture { Env = v => v == "HADOOP_CONF_DIR" ? dir : null };

        var r = await cli.RunAsync("list");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("yarn.resourcemanager.webapp.address = 'rm 1:8088' is not a host:port address", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_conf_dir_or_rm_the_localhost_fallback_is_said()
    {
        using var cli = new CliFixture(new ScriptedHandler().Refuse("localhost:8088"));

        var r = await cli.RunAsync("list");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("note: no --rm and neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set: trying http://localhost:8088/", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_while_waiting_exits_130()
    {
        using var cts = new CancellationTokenSource();
        var h = new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps/application_1700000000000_0042", () =>
        {
            cts.Cancel(); // the user presses Ctrl-C while the job runs
            return Json(HttpStatusCode.OK, SpecJson.App("RUNNING", "UNDEFINED"));
        });
        using var cli = new CliFixture(h);

        var r = await cli.RunAsync(cts.Token, "wait", "application_1700000000000_0042", "--rm", "rm1:8088");

        Assert.Equal(130, r.ExitCode);
        Assert.Contains("interrupted (Ctrl-C)", r.Stderr, StringComparison.Ordinal);
    }
}
