using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Rest;

internal static partial class RmRestApi
{
    private static IResult ListApps(RmCore rm, IQueryCollection q, RmFront front)
    {
        static HashSet<string> Set(IEnumerable<string?> values, bool upper) => values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => upper ? s.ToUpperInvariant() : s).ToHashSet(StringComparer.Ordinal);

        var states = Set(q["states"].Concat(q["state"]), upper: true);
        var bad = states.FirstOrDefault(s => !AppStates.Public.Contains(s));
        if (bad is not null)
            throw RmRequestException.BadRequest($"java.lang.IllegalArgumentException: Invalid application-state {bad} specified. It should be one of {string.Join(", ", AppStates.Public)}");
        var types = Set(q["applicationTypes"], upper: false);
        var tags = Set(q["applicationTags"], upper: false).Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var user = q["user"].ToString();
        var queue = q["queue"].ToString();
        var finalStatus = q["finalStatus"].ToString();
        if (finalStatus.Length > 0 && finalStatus is not ("UNDEFINED" or "SUCCEEDED" or "FAILED" or "KILLED" or "ENDED"))
            throw RmRequestException.BadRequest($"java.lang.IllegalArgumentException: No enum constant org.apache.hadoop.yarn.api.records.FinalApplicationStatus.{finalStatus}");
        if (queue.Length > 0 && !rm.Options.Queues.ContainsKey(queue))
            throw RmRequestException.BadRequest($"java.lang.IllegalArgumentException: queue {queue} does not exist");
        var limit = q.ContainsKey("limit") ? ParseLimit(q["limit"].ToString()) : long.MaxValue;

        var apps = rm.Read(v => v.Apps
            .Where(a => states.Count == 0 || states.Contains(a.PublicState))
            .Where(a => user.Length == 0 || a.User == user)
            .Where(a => queue.Length == 0 || a.Queue == queue)
            .Where(a => types.Count == 0 || types.Contains(a.ApplicationType, StringComparer.OrdinalIgnoreCase))
            .Where(a => tags.Count == 0 || a.Tags.Any(tags.Contains))
            .Take((int)Math.Min(limit, int.MaxValue))
            .Where(a => finalStatus.Length == 0 || a.FinalStatus == finalStatus)
            .Select(a => (JsonNode)AppJson.Build(a, v, Authority(front))).ToList());
        return Json(new JsonObject { ["apps"] = apps.Count == 0 ? null : new JsonObject { ["app"] = new JsonArray([.. apps]) } });
    }
}
