using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;

namespace YarnDL.AppMaster.State;

/// <summary>Keeps <see cref="SavedState"/> for the next AM attempt in the application's state directory (local or HDFS),
/// rewritten only when it changed. Writes run behind the AM loop: a CREATE in HDFS takes about half a second, which the
/// heartbeat must not wait for. While one write runs, newer states replace each other and only the latest is written
/// next, so the last state is never lost and never overtaken by an older one.</summary>
internal sealed partial class AmStateStore(IStateFiles files, ILogger? log = null)
{
    public const string FileName = "am-state.json";

    private readonly ILogger _log = log ?? NullLogger.Instance;
    private readonly Lock _gate = new();
    private string? _lastQueued;
    private long _lastVersion = -1;
    private string? _pending;
    private Task _writer = Task.CompletedTask;
    private bool _writing;
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

    /// <summary>Queues the state for writing when it differs from the last one queued, and returns at once. A failed
    /// write is logged and retried with the next state queued: the job goes on, only a restart of this AM would then
    /// re-adopt less. While <see cref="AmState.SavedVersion"/> stays where it was, nothing is captured at all.</summary>
    public Task SaveAsync(AmState state, CancellationToken ct)
    {
        // Read before the capture: a change made during it leaves the version ahead, so the next call captures again.
        var version = state.SavedVersion.Value;
        lock (_gate)
        {
            if (version == _lastVersion)
            {
                return Task.CompletedTask;
            }
        }

        var json = JsonSerializer.Serialize(Capture(state), SavedStateJson.Default.SavedState);
        lock (_gate)
        {
            _lastVersion = version;
            if (json == _lastQueued)
            {
                return Task.CompletedTask;
            }

            _lastQueued = json;
            _pending = json;
            if (!_writing)
            {
                _writing = true;
                _writer = Task.Run(() => DrainAsync(ct), CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes when every state queued so far is written (or its write failed).</summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            Task writer;
            lock (_gate)
            {
                writer = _writer;
            }

            await writer.ConfigureAwait(false);
            lock (_gate)
            {
                if (!_writing && ReferenceEquals(writer, _writer))
                {
                    return;
                }
            }
        }
    }

    public async Task<SavedState?> LoadAsync(CancellationToken ct)
    {
        await FlushAsync().ConfigureAwait(false);
        return await files.ReadAsync(FileName, ct).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize(json, SavedStateJson.Default.SavedState) : null;
    }

    /// <summary>Deletes the state (and staging) directory once the application is over: the RM will start no further
    /// attempt after the AM unregistered. Failures are logged, not thrown.</summary>
    public async Task DeleteDirectoryAsync(CancellationToken ct)
    {
        await FlushAsync().ConfigureAwait(false);
        try
        {
            await files.DeleteDirectoryAsync(ct).ConfigureAwait(false);
            _log.LogInformation("Deleted the staging directory {Location}", files.Locate(string.Empty));
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or WebHdfs.WebHdfsException)
        {
            _log.LogWarning("Could not delete the staging directory {Location}: {Message}", files.Locate(string.Empty), e.Message);
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        while (true)
        {
            string? json;
            lock (_gate)
            {
                (json, _pending) = (_pending, null);
                _writing = json is not null;
            }

            if (json is null)
            {
                return;
            }

            await WriteAsync(json, ct).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string json, CancellationToken ct)
    {
        try
        {
            await files.WriteAsync(FileName, json, ownerOnly: false, ct).ConfigureAwait(false);
            if (_failing)
            {
                _log.LogInformation("AM state saved again to {Location}", Location);
                _failing = false;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or WebHdfs.WebHdfsException or OperationCanceledException)
        {
            lock (_gate)
            {
                if (_lastQueued == json)
                {
                    _lastQueued = null; // the next SaveAsync queues this state again
                    _lastVersion = -1;
                }
            }

            if (!_failing && e is not OperationCanceledException)
            {
                _log.LogWarning("Could not save the AM state to {Location} (a restarted AM would re-adopt less): {Message}", Location, e.Message);
                _failing = true;
            }
        }
    }

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
