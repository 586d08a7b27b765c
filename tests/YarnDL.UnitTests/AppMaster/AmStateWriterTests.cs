using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.State;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>State writes run behind the AM loop: a slow file system (CREATE takes ~500 ms on real HDFS) never blocks a
/// tick, states queued while a write runs collapse into the latest, and that latest state is what ends up written.</summary>
public sealed class AmStateWriterTests
{
    [Fact]
    public async Task Saves_return_while_a_write_hangs_and_only_the_latest_queued_state_follows_it()
    {
        var files = new GatedFiles();
        var store = new AmStateStore(files);
        var state = new AmState(Plans.Job(), "alice");

        await store.SaveAsync(state, default); // the first write starts and hangs at the gate
        await files.FirstWriteStarted.Task;
        state.Sessions[0].Restore(1, 1, state.Sessions[0].State, "second", new Dictionary<string, double>());
        await store.SaveAsync(state, default);
        state.Sessions[0].Restore(2, 2, state.Sessions[0].State, "third", new Dictionary<string, double>());
        await store.SaveAsync(state, default);
        Assert.Single(files.Written); // nothing more started: both saves returned while the first write hangs

        files.Gate.SetResult();
        await store.FlushAsync();

        Assert.Equal(2, files.Written.Count);
        Assert.Contains("\"third\"", files.Written[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(files.Written, w => w.Contains("\"second\"", StringComparison.Ordinal));
    }

    private sealed class GatedFiles : IStateFiles
    {
        public TaskCompletionSource FirstWriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Written { get; } = [];

        public string Locate(string name) => "/state/" + name;

        public Task<string?> ReadAsync(string name, CancellationToken ct) => Task.FromResult<string?>(null);

        public async Task WriteAsync(string name, string text, bool ownerOnly, CancellationToken ct)
        {
            lock (Written)
            {
                Written.Add(text);
            }

            FirstWriteStarted.TrySetResult();
            await Gate.Task;
        }

        public Task DeleteDirectoryAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
