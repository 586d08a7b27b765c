using System.Net;
using YarnDL.UnitTests.Rest;
using YarnDL.UnitTests.Spec;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

public sealed class CliFailoverTests
{
    [Fact]
    public async Task Submit_wait_survives_an_rm_failover_in_the_middle_without_submitting_twice()
    {
        var rm1Down = false;
        var h = new ScriptedHandler()
            .On(r => r.RequestUri!.Authority == "rm1:8088" && rm1Down ? throw new HttpRequestException("Connection refused") : null)
            .On(r => r.RequestUri!.AbsolutePath == "/ws/v1/cluster/info"
                ? Json(HttpStatusCode.OK, SpecJson.ClusterInfo(r.RequestUri.Authority == "rm1:8088" ? "ACTIVE" : "STANDBY"))
                : null)
            .On("rm1:8088", "/ws/v1/cluster/apps/new-application", () => Json(HttpStatusCode.OK, SpecJson.NewApplication))
            .On(r =>
            {
                if (r.Method != HttpMethod.Post || r.RequestUri!.AbsolutePath != "/ws/v1/cluster/apps")
                {
                    return null;
                }

                rm1Down = true; // the active RM dies right after accepting the application
                return new HttpResponseMessage(HttpStatusCode.Accepted);
            })
            .On("rm2:8088", "/ws/v1/cluster/apps/application_1700000000000_0042", () => Json(HttpStatusCode.OK, SpecJson.App("FINISHED", "SUCCEEDED")));
        using var cli = new CliFixture(h);

        var r = await cli.RunAsync("submit", RepoPaths.Of("examples", "digits-sweep.yaml"), "--rm", "http://rm1:8088,http://rm2:8088", "--wait");

        Assert.Equal(0, r.ExitCode);
        Assert.Single(h.Requests, q => q.Method == HttpMethod.Post && q.Uri.AbsolutePath == "/ws/v1/cluster/apps");
        Assert.Single(h.Requests, q => q.Uri.AbsolutePath.EndsWith("/new-application", StringComparison.Ordinal));
        Assert.Contains(h.Requests, q => q.Uri.Authority == "rm2:8088" && q.Uri.AbsolutePath.Contains("application_1700000000000_0042", StringComparison.Ordinal));
    }
}
