using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;

namespace YarnDL.AppMaster.State;

/// <summary>Keeps <see cref="SavedState"/> for the next AM attempt in the application's state directory (local or HDFS),
/// rewritten only when it changed.</summary>
internal sealed partial class AmStateStore(IStateFiles files, ILogger? log = null)
{
    public const string FileName = "am-state.json";

    private readonly ILogger _log = log ?? NullLogger.Instance;
    private string? _lastSaved;
    private bool _failing;

    /// <summary>Where the state file is (for messages and tests).</summary>
    public string Location => files.Locate(FileName);

    public static SavedState Capture(AmState state) => new(
        [.. state.Sessions.Select(s => new SavedCluster(
            s.Id,
            s.Generation,
            s.Restarts,
            s.State.ToString(),
            s.FailureReason,
            s.FinalMetrics,
            [.. s.Slots.Select(t => new SavedTask(t.Role, t.Index, t.State.ToString(), t.ContainerId, t.NodeId, t.NodeHttpAddress, t.Address))]))]);

    /// <summary>Writes the state when it differs from the last write. A failed write is logged and retried on the next
    /// call: the job goes on, only a restart of this AM would then re-adopt less.</summary>
    public async Task SaveAsync(AmState state, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(Capture(state), SavedStateJson.Default.SavedState);
        if (json == _lastSaved)
        {
            return;
        }

        try
        {
            await files.WriteAsync(FileName, json, ownerOnly: false, ct);
            _lastSaved = json;
            if (_failing)
            {
                _log.LogInformation("AM state saved again to {Location}", Location);
                _failing = false;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or WebHdfs.WebHdfsException)
        {
            if (!_failing)
            {
                _log.LogWarning("Could not save the AM state to {Location} (a restarted AM would re-adopt less): {Message}", Location, e.Message);
                _failing = true;
            }
        }
    }

    public async Task<SavedState?> LoadAsync(CancellationToken ct) =>
        await files.ReadAsync(FileName, ct) is { } json ? JsonSerializer.Deserialize(json, SavedStateJson.Default.SavedState) : null;

    /// <summary>Applies a saved state to fresh sessions; returns the container ids it expects to re-adopt.</summary>
    public static IReadOnlySet<string> Restore(AmState state, SavedState saved)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in saved.Clusters)
        {
            if (!state.ById.TryGetValue(c.Id, out var session))
            {
                continue;
            }

            session.Restore(c.Generation, c.Restarts, Enum.Parse<ClusterState>(c.State), c.FailureReason, c.FinalMetrics);
            foreach (var t in c.Tasks)
            {
                if (session.Find(t.Role, t.Index) is not { } slot)
                {
                    continue;
                }

                slot.State = Enum.Parse<TaskState>(t.State);
                (slot.ContainerId, slot.NodeId, slot.NodeHttpAddress, slot.Address) = (t.ContainerId, t.NodeId, t.NodeHttpAddress, t.Address);
                if (slot.ContainerId is { } id && slot.State is TaskState.Launched or TaskState.Registered)
                {
                    expected.Add(id);
                }
            }

            session.RestoreBarrier();
        }

        return expected;
    }
}
