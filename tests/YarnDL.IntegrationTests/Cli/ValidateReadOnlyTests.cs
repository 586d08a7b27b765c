using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>
/// The built yarndl's online <c>validate</c> against a MiniCluster of two 8g nodes: it accepts a job that fits and refuses one
/// whose role is larger than any container the cluster grants, and neither run uses up an application id (the ids the RM
/// hands out before and after are consecutive).
/// </summary>
public sealed class ValidateReadOnlyTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Validate_checks_the_maximum_allocation_without_asking_for_an_application_id()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { Nodes = 2, GpusPerNode = 0, MemoryMbPerNode = 8192, VCoresPerNode = 8 });
        var rm = cluster.RmRestUri.AbsoluteUri;
        var dir = Directory.CreateTempSubdirectory("yarndl-validate-").FullName;
        var fits = Path.Combine(dir, "fits.yaml");
        var tooBig = Path.Combine(dir, "too-big.yaml");
        await File.WriteAllTextAsync(fits, """
            name: fits
            am: { memory: 512m, mode: local }
            command: "true"
            roles:
              worker: { instances: 2, memory: 2g, vcores: 1 }
            """);
        await File.WriteAllTextAsync(tooBig, """
            name: too-big
            am: { memory: 512m, mode: local }
            command: "true"
            roles:
              worker: { instances: 1, memory: 16g, vcores: 1 }
            """);
        using var http = RmHttp.Create(cluster.RmRestUri);
        var before = await NewApplicationIdAsync(http);

        var ok = await Yarndl.RunAsync(Deadline, "validate", fits, "--rm", rm, "--user", "alice");
        var rejected = await Yarndl.RunAsync(Deadline, "validate", tooBig, "--rm", rm, "--user", "alice");
        var after = await NewApplicationIdAsync(http);

        Assert.True(ok.ExitCode == 0, ok.Stdout + ok.Stderr);
        Assert.Contains(": ok: 'fits'", ok.Stdout, StringComparison.Ordinal);
        Assert.Contains("preflight checked against", ok.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, rejected.ExitCode);
        Assert.Contains("role 'worker' asks for 16g memory, above the maximum allocation of 8192m", rejected.Stderr, StringComparison.Ordinal);
        Assert.Equal(Sequence(before) + 1, Sequence(after));
    }

    private static async Task<string> NewApplicationIdAsync(HttpClient http)
    {
        var (_, body, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application?user.name=alice");
        return body!["application-id"]!.GetValue<string>();
    }

    private static int Sequence(string applicationId) => int.Parse(applicationId[(applicationId.LastIndexOf('_') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
