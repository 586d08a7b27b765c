using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.State;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

public sealed class AmRestartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("yarndl-am-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task NextAttempt_ReadoptsRunningContainers_WithoutRestartingTraining()
    {
        var (store, saved) = await FirstAttemptAsync();
        var second = new AmDriverFixture(Plans.Job());
        AmStateStore.Restore(second.State, saved);
        await second.RegisterAsync();
        var previous = saved.Clusters[0].Tasks.Select(t => FakeResourceManager.Container(t.ContainerId!, new AskKey(16, 16))).ToList();
        await second.Driver.AdoptAsync(previous, default);

        var cluster = second.State.ById["main"];
        Assert.Equal(0, cluster.Generation);
        Assert.True(cluster.WhenRegistered().IsCompletedSuccessfully);
        var spec = Assert.IsType<RegistrationOutcome.Complete>(cluster.Register(new TaskIdentity("main", "worker", 0, 0), "h", 9, second.Time.GetUtcNow()));
        Assert.False(spec.Spec.ResumeFromCheckpoint);
        Assert.Empty(second.Nms.Stopped);
        Assert.True(File.Exists(store.Location));
    }

    [Fact]
    public async Task NextAttempt_RestartsAClusterThatLostAContainer_WithoutUsingTheBudget()
    {
        var (_, saved) = await FirstAttemptAsync();
        var second = new AmDriverFixture(Plans.Job());
        AmStateStore.Restore(second.State, saved);
        await second.RegisterAsync();
        var survivors = saved.Clusters[0].Tasks.Skip(1).Select(t => FakeResourceManager.Container(t.ContainerId!, new AskKey(17, 17))).ToList();
        await second.Driver.AdoptAsync(survivors, default);

        var cluster = second.State.ById["main"];
        Assert.Equal(1, cluster.Generation);
        Assert.Equal(0, cluster.Restarts);
        Assert.Equal(survivors.Select(c => c.ContainerId).Order(), second.Nms.Stopped.Order());
    }

    [Fact]
    public async Task Secret_SurvivesAttempts_AndIsReadableByTheOwnerOnly()
    {
        var store = new AmStateStore(new LocalStateFiles(_dir));
        var first = (await store.LoadOrCreateSecretAsync(default)).Value;
        Assert.Equal(first, (await new AmStateStore(new LocalStateFiles(_dir)).LoadOrCreateSecretAsync(default)).Value);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, AmStateStore.SecretFileName)));
        }
    }

    private async Task<(AmStateStore Store, SavedState Saved)> FirstAttemptAsync()
    {
        var store = new AmStateStore(new LocalStateFiles(_dir));
        var first = new AmDriverFixture(Plans.Job());
        first.Driver.Store = store;
        await first.RegisterAsync();
        first.GrantAll();
        await first.Driver.TickAsync(default);
        var c = first.State.ById["main"];
        foreach (var s in c.Slots)
        {
            c.Register(new TaskIdentity("main", s.Role, s.Index, 0), "h", 1, first.Time.GetUtcNow());
        }

        await first.Driver.TickAsync(default);
        return (store, (await store.LoadAsync(default))!);
    }
}
