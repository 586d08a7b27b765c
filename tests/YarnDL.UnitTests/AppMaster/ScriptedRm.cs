using System.Collections.Concurrent;
using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>A thread-safe RM for whole-AM runs: grants every ask at once and reports completions pushed by the simulated NMs.</summary>
internal sealed class ScriptedRm : IResourceManager
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AskKey, ResourceAsk> _asks = [];
    private int _next;
    private int _last = -1;

    public ConcurrentQueue<CompletedContainer> Completions { get; } = new();

    public Capability Max { get; set; } = new(8192, 8, 2);

    public ConcurrentQueue<(FinalStatus Status, string Diagnostics)> Finishes { get; } = new();

    public Task<RegistrationResult> RegisterAsync(string host, int rpcPort, string trackingUrl, CancellationToken ct)
    {
        lock (_gate)
        {
            _last = 0;
        }

        return Task.FromResult(new RegistrationResult { MaximumCapability = Max });
    }

    public Task<AllocateResult> AllocateAsync(AllocateCall call, CancellationToken ct)
    {
        lock (_gate)
        {
            Assert.Equal(_last, call.ResponseId);
            _last++;
            foreach (var a in call.Asks)
            {
                _asks[a.Key] = a;
            }

            var granted = _asks.Values.SelectMany(a => Enumerable.Range(0, a.NumContainers)
                .Select(_ => FakeResourceManager.Container($"container_1_0001_01_{++_next:D6}", a.Key, "127.0.0.1:45454"))).ToList();
            foreach (var k in _asks.Keys.ToList())
            {
                _asks[k] = _asks[k] with { NumContainers = 0 };
            }

            var done = new List<CompletedContainer>();
            while (Completions.TryDequeue(out var c))
            {
                done.Add(c);
            }

            return Task.FromResult(new AllocateResult { ResponseId = _last, Allocated = granted, Completed = done });
        }
    }

    public Task<bool> FinishAsync(FinalStatus status, string diagnostics, string trackingUrl, CancellationToken ct)
    {
        Finishes.Enqueue((status, diagnostics));
        return Task.FromResult(true);
    }

    public void UpdateAmRmToken(ReadOnlyMemory<byte> token)
    {
    }
}
