using System.Text.Json;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.State;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>The AM saves its state only when the saved version moved, so every change to what is saved must move it, and
/// a heartbeat that changes nothing saved must cost no capture.</summary>
public sealed class SavedStateVersionTests
{
    public static TheoryData<string> SavedChanges => [.. Changes.Keys];

    /// <summary>Each change (after its set-up) alters the captured state: if one did not bump the version, the store
    /// would skip it.</summary>
    private static readonly Dictionary<string, (Action<AmState> SetUp, Action<AmState> Change)> Changes = new()
    {
        ["task state"] = (_ => { }, s => s.Sessions[0].Slots[0].State = TaskState.Launched),
        ["task container"] = (_ => { }, s => s.Sessions[0].Slots[0].ContainerId = "container_1_0001_01_000002"),
        ["task node"] = (_ => { }, s => s.Sessions[0].Slots[0].NodeId = "n1:45454"),
        ["task node http address"] = (_ => { }, s => s.Sessions[0].Slots[0].NodeHttpAddress = "n1:8042"),
        ["task address"] = (_ => { }, s => s.Sessions[0].Slots[0].Address = "n1:7000"),
        ["task reset"] = (s => s.Sessions[0].Slots[1].ContainerId = "container_1_0001_01_000003", s => s.Sessions[0].Slots[1].Reset()),
        ["cluster state"] = (_ => { }, s => s.Sessions[0].State = ClusterState.Allocating),
        ["cluster failure reason"] = (_ => { }, s => s.Sessions[0].FailureReason = "worker:1 exited 3"),
        ["cluster restore"] = (_ => { }, s => s.Sessions[0].Restore(2, 1, ClusterState.Running, "preempted", new Dictionary<string, double> { ["accuracy"] = 0.9 })),
    };

    [Theory]
    [MemberData(nameof(SavedChanges))]
    public void Every_change_to_the_saved_state_moves_the_version(string name)
    {
        var state = new AmState(Plans.Job(), "alice");
        var (setUp, change) = Changes[name];
        setUp(state);
        var before = Captured(state);
        var version = state.SavedVersion.Value;

        change(state);

        Assert.NotEqual(before, Captured(state));
        Assert.True(state.SavedVersion.Value > version, $"'{name}' changed the saved state but left the saved version where it was");
    }

    [Fact]
    public void What_a_task_heartbeat_changes_is_not_saved_and_leaves_the_version()
    {
        var state = new AmState(Plans.Job(), "alice");
        var slot = state.Sessions[0].Slots[0];
        slot.State = TaskState.Registered;
        var version = state.SavedVersion.Value;

        slot.LastHeartbeat = DateTimeOffset.UnixEpoch.AddMinutes(5);
        slot.Step = 120;
        slot.Epoch = 2;
        slot.Metrics = new Dictionary<string, double> { ["loss"] = 0.3 };
        slot.State = TaskState.Registered; // the same value again

        Assert.Equal(version, state.SavedVersion.Value);
    }

    [Fact]
    public async Task A_save_with_nothing_new_writes_nothing_and_the_next_change_is_written()
    {
        var files = new RecordingFiles();
        var store = new AmStateStore(files);
        var state = new AmState(Plans.Job(), "alice");

        await store.SaveAsync(state, default);
        await store.FlushAsync();
        state.Sessions[0].Slots[0].LastHeartbeat = DateTimeOffset.UnixEpoch.AddSeconds(3);
        await store.SaveAsync(state, default);
        await store.FlushAsync();
        Assert.Single(files.Written);

        state.Sessions[0].Slots[0].ContainerId = "container_1_0001_01_000002";
        await store.SaveAsync(state, default);
        await store.FlushAsync();

        Assert.Equal(2, files.Written.Count);
        Assert.Contains("container_1_0001_01_000002", files.Written[^1], StringComparison.Ordinal);
    }

    private static string Captured(AmState state) =>
        JsonSerializer.Serialize(AmStateStore.Capture(state), SavedStateJson.Default.SavedState);

    private sealed class RecordingFiles : IStateFiles
    {
        public List<string> Written { get; } = [];

        public string Locate(string name) => "/state/" + name;

        public Task<string?> ReadAsync(string name, CancellationToken ct) => Task.FromResult<string?>(null);

        public Task WriteAsync(string name, string text, bool ownerOnly, CancellationToken ct)
        {
            lock (Written)
            {
                Written.Add(text);
            }

            return Task.CompletedTask;
        }

        public Task DeleteDirectoryAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
