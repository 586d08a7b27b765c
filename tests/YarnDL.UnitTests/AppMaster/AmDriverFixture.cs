using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Launch;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>An AM driver over a fake RM, fake NMs and fake time.</summary>
internal sealed class AmDriverFixture
{
    private int _next;

    public AmDriverFixture(JobPlan plan, Microsoft.Extensions.Logging.ILogger<AmDriver>? log = null)
    {
        State = new AmState(plan, "alice");
        Client = new AmRmClient(Rm, Time, NullLogger<AmRmClient>.Instance);
        Driver = new AmDriver(
            State,
            Client,
            Nms,
            new LaunchSettings { AmUrl = new Uri("http://am:1/"), Secret = "s", TrainerCommand = "trainer" },
            new DriverOptions(),
            Time,
            log ?? NullLogger<AmDriver>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeResourceManager Rm { get; } = new();

    public FakeNodeManagers Nms { get; } = new();

    public AmState State { get; }

    public AmRmClient Client { get; }

    public AmDriver Driver { get; }

    public Task RegisterAsync() => Client.RegisterAsync("am", 0, "http://am:1/", default);

    /// <summary>Registers, grants every ask on one node and runs the first tick: the "main" cluster has all its containers.</summary>
    public async Task<YarnDL.AppMaster.Clusters.ClusterSession> LaunchedAsync()
    {
        await RegisterAsync();
        GrantAll();
        await Driver.TickAsync(default);
        return State.ById["main"];
    }

    /// <summary>The next allocate grants every outstanding ask (one container per ask unit).</summary>
    public void GrantAll(string node = "n1:45454") => Rm.Script.Enqueue(call =>
        new AllocateResult
        {
            Allocated = [.. call.Asks.SelectMany(a => Enumerable.Range(0, a.NumContainers).Select(_ => FakeResourceManager.Container($"c{++_next}", a.Key, node)))],
        });

    public void Complete(params (string Container, int Status)[] done) => Rm.Script.Enqueue(_ =>
        new AllocateResult { Completed = [.. done.Select(d => new CompletedContainer(d.Container, d.Status, d.Status == 0 ? "" : "boom"))] });

    public void Preempt(params string[] containers) => Rm.Script.Enqueue(_ => new AllocateResult { PreemptedContainers = containers });

    public IEnumerable<string> LiveContainers(string cluster = "main") =>
        State.ById[cluster].Slots.Where(s => s.ContainerId is not null).Select(s => s.ContainerId!);
}
