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
        var badDeselect = Set(q["deSelects"], upper: false).FirstOrDefault(d => !DeSelects.Contains(d));
        if (badDeselect is not null)
            throw RmRequestException.BadRequest($"java.lang.IllegalArgumentException: Invalid deSelects string {badDeselect}");
        var started = TimeRange(q, "startedTimeBegin", "startedTimeEnd");
        var finished = TimeRange(q, "finishedTimeBegin", "finishedTimeEnd");

        var apps = rm.Read(v => v.Apps
            .Where(a => states.Count == 0 || states.Contains(a.PublicState))
            .Where(a => user.Length == 0 || a.User == user)
            .Where(a => queue.Length == 0 || a.Queue == queue)
            .Where(a => types.Count == 0 || types.Contains(a.ApplicationType, StringComparer.OrdinalIgnoreCase))
            .Where(a => tags.Count == 0 || a.Tags.Any(tags.Contains))
            .Where(a => a.SubmitTime >= started.Begin && a.SubmitTime <= started.End)
            .Where(a => (finished.Begin == 0 && finished.End == long.MaxValue) || (a.FinishTime >= finished.Begin && a.FinishTime <= finished.End && a.FinishTime > 0))
            .Take((int)Math.Min(limit, int.MaxValue))
            .Where(a => finalStatus.Length == 0 || a.FinalStatus == finalStatus)
            .Select(a => (JsonNode)AppJson.Build(a, v, Authority(front))).ToList());
        return Json(new JsonObject { ["apps"] = apps.Count == 0 ? null : new JsonObject { ["app"] = new JsonArray([.. apps]) } });
    }

    private static readonly string[] DeSelects = ["resourceRequests", "timeouts", "appNodeLabelExpression", "amNodeLabelExpression", "resourceInfo"];

    private static (long Begin, long End) TimeRange(IQueryCollection q, string beginKey, string endKey)
    {
        static long Parse(IQueryCollection q, string key, long fallback)
        {
            var text = q[key].ToString();
            if (text.Length == 0) return fallback;
            if (!long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v))
                throw RmRequestException.BadRequest($"{key} must be a valid long: For input string: \"{text}\"");
            if (v < 0) throw RmRequestException.BadRequest($"{key} must be greater than 0");
            return v;
        }

        var begin = Parse(q, beginKey, 0);
        var end = Parse(q, endKey, long.MaxValue);
        if (begin > end) throw RmRequestException.BadRequest($"{beginKey} must be less than or equal to {endKey}");
        return (begin, end);
    }
}
