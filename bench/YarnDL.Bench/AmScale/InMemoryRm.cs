using YarnDL.AppMaster.Rm;

namespace YarnDL.Bench.AmScale;

/// <summary>An RM stand-in that grants at most <c>perHeartbeat</c> containers per allocate, round-robin over <c>nodes</c> nodes.</summary>
internal sealed class InMemoryRm(int nodes, int perHeartbeat) : IResourceManager
{
    private readonly Dictionary<AskKey, ResourceAsk> _asks = [];
    private readonly byte[] _token = new byte[64];
    private int _next;
    private int _last;

    public int Heartbeats { get; private set; }

    public Task<RegistrationResult> RegisterAsync(string host, int rpcPort, string trackingUrl, CancellationToken ct)
    {
        _last = 0;
        return Task.FromResult(new RegistrationResult { MaximumCapability = new Capability(65536, 32, 8) });
    }

    public Task<AllocateResult> AllocateAsync(AllocateCall call, CancellationToken ct)
    {
        Heartbeats++;
        _last++;
        foreach (var a in call.Asks)
        {
            _asks[a.Key] = a;
        }

        var granted = new List<AllocatedContainer>();
        foreach (var key in _asks.Keys.ToList())
        {
            var ask = _asks[key];
            var n = Math.Min(ask.NumContainers, perHeartbeat - granted.Count);
            for (var i = 0; i < n; i++)
            {
                var node = $"node{_next % nodes:D3}:45454";
                granted.Add(new AllocatedContainer($"container_1_0001_01_{++_next:D6}", node, node.Replace("45454", "8042", StringComparison.Ordinal), ask.Capability, key.Priority, key.AllocationRequestId, _token));
            }

            _asks[key] = ask with { NumContainers = ask.NumContainers - n };
        }

        return Task.FromResult(new AllocateResult { ResponseId = _last, Allocated = granted });
    }

    public Task<bool> FinishAsync(FinalStatus status, string diagnostics, string trackingUrl, CancellationToken ct) => Task.FromResult(true);

    public void UpdateAmRmToken(ReadOnlyMemory<byte> token)
    {
    }
}
