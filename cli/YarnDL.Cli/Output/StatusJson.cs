using System.Text.Json;
using YarnDL.Tracking;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Output;

/// <summary>
/// The JSON object <c>status --json</c> prints and <c>wait --json</c> ends with: the RM's report at the root, the AM's status
/// document under <c>job</c> (trials, tasks, epochs, ETA, checkpoints), its final result under <c>result</c> and, once the AM
/// has ended, under <c>snapshot</c> from when and from which of the two that last known state comes. Absent parts are null.
/// </summary>
internal static class StatusJson
{
    public static string Write(AppReport report, AmStatus? job, FinalResult? result, AmSnapshot? snapshot)
    {
        var node = JsonSerializer.SerializeToNode(report, CliJsonContext.Default.AppReport)!.AsObject();
        node["job"] = job is null ? null : JsonSerializer.SerializeToNode(job, CliJsonContext.Default.AmStatus);
        node["result"] = result is null ? null : JsonSerializer.SerializeToNode(result, CliJsonContext.Default.FinalResult);
        node["snapshot"] = snapshot is null ? null : JsonSerializer.SerializeToNode(snapshot, CliJsonContext.Default.AmSnapshot);
        return node.ToJsonString(CliJsonContext.Default.Options);
    }
}
