using System.Text.Json;
using System.Text.Json.Nodes;
using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.Tokens;

namespace YarnDL.MiniCluster.Rest;

/// <summary>ApplicationSubmissionContextInfo → <see cref="Submission"/>; unknown keys are ignored as JAXB does.</summary>
internal static class SubmissionParser
{
    public static Submission Parse(string json)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(json) as JsonObject ?? throw RmRequestException.BadRequest("request body must be a JSON object");
            return Build(o, json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw RmRequestException.BadRequest("javax.xml.bind.UnmarshalException: " + ex.Message);
        }
    }

    private static Submission Build(JsonObject o, string raw)
    {
        var spec = o["am-container-spec"] as JsonObject ?? [];
        var tags = o["application-tags"]?["tag"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>().ToLowerInvariant()).ToList(),
            JsonValue v => [v.GetValue<string>().ToLowerInvariant()],
            _ => [],
        };
        return new Submission(
            Str(o, "application-id") ?? "",
            Str(o, "application-name") ?? "",
            Str(o, "queue") ?? "default",
            o["priority"]?.GetValue<int>() ?? -1,
            o["max-app-attempts"]?.GetValue<int>() ?? 0,
            ResourceJson.Parse(o["resource"]),
            Str(o, "application-type") ?? "",
            tags,
            o["keep-containers-across-application-attempts"]?.GetValue<bool>() ?? false,
            o["unmanaged-AM"]?.GetValue<bool>() ?? false,
            spec,
            ParseLaunch(spec),
            raw,
            Str(o, "app-node-label-expression")?.Trim() ?? "",
            Str(o, "am-container-node-label-expression")?.Trim() is { Length: > 0 } am ? am : null);
    }

    public static LaunchSpec ParseLaunch(JsonObject spec)
    {
        var commands = spec["commands"]?["command"] switch
        {
            JsonArray a => a.Select(c => c!.GetValue<string>()).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => new List<string>(),
        };
        var env = Entries(spec["environment"]).ToDictionary(e => e.Key, e => e.Value!.GetValue<string>(), StringComparer.Ordinal);
        var resources = Entries(spec["local-resources"]).Select(e => new LocalResourceSpec(
            e.Key,
            e.Value?["resource"]?.GetValue<string>() ?? "",
            e.Value?["type"]?.GetValue<string>() ?? "FILE",
            e.Value?["size"]?.GetValue<long>() ?? 0,
            e.Value?["timestamp"]?.GetValue<long>() ?? 0)).ToList();
        var tokens = new List<TokenEntry>();
        var secrets = new List<KeyValuePair<string, byte[]>>();
        try
        {
            foreach (var t in Entries(spec["credentials"]?["tokens"]))
                tokens.Add(HdtsWriter.ReadToken(t.Key, UrlSafeBase64(t.Value!.GetValue<string>())));
            foreach (var s in Entries(spec["credentials"]?["secrets"]))
                secrets.Add(new(s.Key, Convert.FromBase64String(s.Value!.GetValue<string>())));
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw RmRequestException.BadRequest("Could not parse credentials data; exception message = " + ex.Message);
        }

        return new LaunchSpec(commands, env, resources, tokens, secrets);
    }

    private static IEnumerable<(string Key, JsonNode? Value)> Entries(JsonNode? map) => map?["entry"] switch
    {
        JsonArray a => a.OfType<JsonObject>().Select(e => (e["key"]!.GetValue<string>(), e["value"])),
        JsonObject one => [(one["key"]!.GetValue<string>(), one["value"])],
        _ => [],
    };

    private static string? Str(JsonObject o, string key) => o[key]?.GetValue<string>();

    private static byte[] UrlSafeBase64(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '='));
    }
}
