using System.Text.Json.Nodes;
using YarnDL.UnitTests.Spec;

namespace YarnDL.UnitTests.Cli;

/// <summary>What yarndl's start depends on: the MiniCluster (ASP.NET Core) runs in its own process.</summary>
public sealed class StartupTests
{
    [Fact]
    public void Yarndl_needs_only_the_base_dotnet_runtime()
    {
        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = RepoPaths.Of("cli", "YarnDL.Cli", "bin", config, "net10.0", "yarndl.runtimeconfig.json");
        var options = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!;

        var frameworks = options["frameworks"] is JsonArray many
            ? many.Select(f => f!["name"]!.GetValue<string>()).ToList()
            : [options["framework"]!["name"]!.GetValue<string>()];

        Assert.Equal(["Microsoft.NETCore.App"], frameworks);
    }
}
