using YarnDL.Testing.MiniCluster;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Faults;
using YarnDL.Training.Model;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

public sealed class WebHdfsCheckpointStoreTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    private readonly string dir = "/user/alice/ckpt-" + Guid.NewGuid().ToString("N");

    [Fact]
    public void SaveThenLoad_RoundTripsThroughWebHdfs_AndLeavesOnlyTheCheckpoint()
    {
        var store = Store();
        Assert.Null(store.TryLoad());

        store.Save(State(10, 1f));
        store.Save(State(20, 2f));
        var loaded = store.TryLoad()!;

        Assert.Equal(20, loaded.Step);
        Assert.Equal([2f, 3f, 4f], loaded.Parameters);
        Assert.Equal([0.5f, 0.5f, 0.5f], loaded.Second);
        var local = Path.Combine(fixture.Cluster.HdfsRoot, dir.TrimStart('/'));
        Assert.Equal([CheckpointCodec.FileName], Directory.GetFiles(local).Select(Path.GetFileName));
        using var expected = new MemoryStream();
        CheckpointCodec.Write(expected, State(20, 2f));
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(Path.Combine(local, CheckpointCodec.FileName)));
    }

    [Fact]
    public void KillAndResume_OnHdfs_GivesTheSameWeightsAsAnUninterruptedRun()
    {
        var options = new TrainerOptions { Epochs = 1, CheckpointEverySteps = 10 };
        var straight = Train(options, null, FaultKnobs.None);
        var store = Store();

        Assert.Throws<InjectedFaultException>(() => Train(options, store, new FaultKnobs(ExitAfterSteps: 25)));
        Assert.Equal(20, store.TryLoad()!.Step);
        var resumed = Train(options, store, FaultKnobs.None);

        Assert.Equal(straight, resumed);
        Assert.Equal(straight, store.TryLoad()!.Parameters);
    }

    [Fact]
    public void CreateWithRelativeHdfsUri_UsesTheFixturesWebHdfsFromTheEnvironment()
    {
        var env = new Dictionary<string, string> { [CheckpointStores.WebHdfsUrlEnv] = fixture.Cluster.WebHdfsUri.ToString(), [CheckpointStores.WebHdfsUserEnv] = "alice" };
        var store = CheckpointStores.Create("hdfs:///user/alice/job", k => env.GetValueOrDefault(k))!;

        store.Save(State(5, 1f));

        Assert.IsType<WebHdfsCheckpointStore>(store);
        Assert.True(File.Exists(Path.Combine(fixture.Cluster.HdfsRoot, "user", "alice", "job", CheckpointCodec.FileName)));
    }

    private static CheckpointState State(long step, float w) => new(step, 1, 32, OptimizerKind.Adam, step, [w, w + 1, w + 2], [0.25f, 0.25f, 0.25f], [0.5f, 0.5f, 0.5f]);

    private static float[] Train(TrainerOptions options, ICheckpointStore? store, FaultKnobs faults)
    {
        var (train, test) = DigitsLoader.Load(DigitsLoader.Locate(null)).Split(TrainerDefaults.TestFraction, options.Seed);
        using var cpu = new CpuBackend(1);
        var session = new TrainingSession(options, cpu, new SingleRankReducer(), train, test, store, TextWriter.Null) { Faults = faults };
        session.Run(CancellationToken.None);
        return session.Model!.Parameters;
    }

    private WebHdfsCheckpointStore Store() =>
        new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }), [fixture.Cluster.WebHdfsUri], new Uri("hdfs://" + dir), "alice");
}
