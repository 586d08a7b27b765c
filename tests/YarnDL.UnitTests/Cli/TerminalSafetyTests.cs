using System.Net;
using YarnDL.UnitTests.Rest;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Cli;

/// <summary>What the cluster reports is printed as it is true and safe: no escape sequences, no GPUs of lost nodes counted as free.</summary>
public sealed class TerminalSafetyTests
{
    [Fact]
    public async Task Escape_sequences_in_an_application_name_do_not_reach_the_terminal()
    {
        var app = """{"apps":{"app":[{"id":"application_1_0001","name":"x\u001b]0;owned\u0007\u001b[2J","user":"alice","queue":"default","state":"RUNNING"}]}}""";
        using var cli = new CliFixture(new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/apps", () => Json(HttpStatusCode.OK, app)));

        var r = await cli.RunAsync("list", "--rm", "rm1:8088");

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain('\u001b', r.Stdout);
        Assert.DoesNotContain('\u0007', r.Stdout);
        Assert.Contains("x\uFFFD]0;owned", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_nodes_gpus_are_not_free()
    {
        var nodes = """
            {"nodes":{"node":[
              {"id":"n1:8041","state":"RUNNING","totalResource":{"memory":8192,"vCores":8,"resourceInformations":{"resourceInformation":[{"name":"yarn.io/gpu","value":4}]}},
               "availableResource":{"memory":8192,"vCores":8,"resourceInformations":{"resourceInformation":[{"name":"yarn.io/gpu","value":4}]}}},
              {"id":"n2:8041","state":"LOST","totalResource":{"memory":8192,"vCores":8,"resourceInformations":{"resourceInformation":[{"name":"yarn.io/gpu","value":4}]}},
               "availableResource":{"memory":8192,"vCores":8,"resourceInformations":{"resourceInformation":[{"name":"yarn.io/gpu","value":4}]}}}]}}
            """;
        using var cli = new CliFixture(new ScriptedHandler().On("rm1:8088", "/ws/v1/cluster/nodes", () => Json(HttpStatusCode.OK, nodes)));

        var r = await cli.RunAsync("admin", "nodes", "--rm", "rm1:8088");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2 node(s), 8 GPU(s), 4 free", r.Stdout, StringComparison.Ordinal);
    }
}
