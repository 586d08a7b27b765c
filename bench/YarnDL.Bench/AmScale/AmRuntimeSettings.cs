using System.Text.Json.Nodes;
using YarnDL.AppMaster.Job;

namespace YarnDL.Bench.AmScale;

/// <summary>The JIT settings the shipped AM runs under (its <c>YarnDL.AppMaster.runtimeconfig.json</c>), as the
/// <c>DOTNET_</c> variables that give a process the same. am-scale plays the AM core in the bench's own process, so it
/// runs itself again under these when they differ from the bench's: the figure is the AM's as it ships.</summary>
internal static class AmRuntimeSettings
{
    /// <summary>Set in the child that already runs under the AM's settings.</summary>
    public const string AppliedVariable = "YARNDL_BENCH_AM_RUNTIME";

    private static readonly (string Property, string Variable)[] JitKnobs =
    [
        ("System.Runtime.TieredCompilation", "DOTNET_TieredCompilation"),
        ("System.Runtime.TieredCompilation.QuickJit", "DOTNET_TC_QuickJit"),
        ("System.Runtime.TieredCompilation.QuickJitForLoops", "DOTNET_TC_QuickJitForLoops"),
        ("System.Runtime.TieredPGO", "DOTNET_TieredPGO"),
    ];

    /// <summary>The <c>DOTNET_</c> variables of every JIT setting the AM's runtimeconfig makes, as "0"/"1".</summary>
    public static IReadOnlyDictionary<string, string> Variables()
    {
        var path = Path.ChangeExtension(typeof(AmDriver).Assembly.Location, ".runtimeconfig.json");
        var properties = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["runtimeOptions"]?["configProperties"] : null;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (property, variable) in JitKnobs)
        {
            if (properties?[property] is JsonValue value && value.TryGetValue<bool>(out var on))
            {
                variables[variable] = on ? "1" : "0";
            }
        }

        return variables;
    }

    /// <summary>The names of <see cref="Variables"/>, for children that must run under the default settings.</summary>
    public static IEnumerable<string> VariableNames => JitKnobs.Select(k => k.Variable);

    /// <summary>One line naming the settings, e.g. <c>DOTNET_TieredCompilation=0</c>, or <c>defaults</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> variables) =>
        variables.Count == 0 ? "defaults" : string.Join(' ', variables.Select(v => $"{v.Key}={v.Value}"));
}
