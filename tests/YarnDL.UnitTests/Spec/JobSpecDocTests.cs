using System.Text.Json;
using System.Text.RegularExpressions;
using YarnDL.Spec.Loading;

namespace YarnDL.UnitTests.Spec;

/// <summary>docs/job-spec.md and schemas/job.schema.json must name exactly the keys of the model.</summary>
public sealed partial class JobSpecDocTests
{
    [Fact]
    public void Doc_table_lists_exactly_the_model_keys()
    {
        var documented = File.ReadAllLines(RepoPaths.Of("docs", "job-spec.md"))
            .Select(l => DocRow().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        var model = ModelKeys.AllPaths().Order(StringComparer.Ordinal).ToList();

        Assert.Equal([], model.Except(documented));
        Assert.Equal([], documented.Except(model));
    }

    [Fact]
    public void Schema_lists_exactly_the_model_keys()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("schemas", "job.schema.json")));
        var paths = new List<string>();
        Collect(doc.RootElement, string.Empty, paths);

        var model = ModelKeys.AllPaths().ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], model.Except(paths).Order(StringComparer.Ordinal));
        Assert.Equal([], paths.Except(model).Order(StringComparer.Ordinal));
    }

    private static void Collect(JsonElement schema, string prefix, List<string> into)
    {
        if (schema.TryGetProperty("properties", out var props))
        {
            foreach (var p in props.EnumerateObject())
            {
                into.Add(prefix + p.Name);
                Collect(p.Value, prefix + p.Name + ".", into);
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object
            && extra.TryGetProperty("properties", out _))
        {
            Collect(extra, prefix + "<name>.", into);
        }
    }

    [GeneratedRegex(@"^\| `([a-z<>.\-]+)` \|")]
    private static partial Regex DocRow();
}
