using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>An RM that follows the spec's response_id rule and answers allocates from a script.</summary>
internal sealed class FakeResourceManager : IResourceManager
{
    private int _last = -1;

    public List<AllocateCall> Calls { get; } = [];

    public int Registrations { get; private set; }

    public Queue<Func<AllocateCall, AllocateResult>> Script { get; } = new();

    /// <summary>The next allocate fails as after an RM restart.</summary>
    public bool ForgetRegistration { get; set; }

    public List<ReadOnlyMemory<byte>> TokenUpdates { get; } = [];

    public List<(FinalStatus Status, string Diagnostics)> Finishes { get; } = [];

    public int FinishesBeforeUnregistered { get; set; } = 1;

    public RegistrationResult Registration { get; set; } = new() { MaximumCapability = new Capability(8192, 8, 4) };

    public Task<RegistrationResult> RegisterAsync(string host, int rpcPort, string trackingUrl, CancellationToken ct)
    {
        Registrations++;
        _last = 0;
        return Task.FromResult(Registration);
    }

    /// <summary>Thrown (once) by the next allocate, before anything is processed.</summary>
    public Exception? ThrowNext { get; set; }

    public Task<AllocateResult> AllocateAsync(AllocateCall call, CancellationToken ct)
    {
        if (ThrowNext is { } e)
        {
            ThrowNext = null;
            return Task.FromException<AllocateResult>(e);
        }

        if (ForgetRegistration)
        {
            ForgetRegistration = false;
            _last = -1;
        }

        if (_last < 0)
        {
            throw new RmNotRegisteredException("Application Master is not registered");
        }

        if (call.ResponseId != _last)
        {
            throw new InvalidOperationException($"expect responseId to be {_last} but get {call.ResponseId}");
        }

        Calls.Add(call);
        _last = (_last + 1) & 0x7FFFFFFF;
        var result = Script.Count > 0 ? Script.Dequeue()(call) : new AllocateResult();
        return Task.FromResult(result with { ResponseId = _last });
    }

    public Task<bool> FinishAsync(FinalStatus status, string diagnostics, string trackingUrl, CancellationToken ct)
    {
        Finishes.Add((status, diagnostics));
        return Task.FromResult(Finishes.Count >= FinishesBeforeUnregistered);
    }

    public void UpdateAmRmToken(ReadOnlyMemory<byte> token) => TokenUpdates.Add(token);

    public static AllocatedContainer Container(string id, AskKey key, string node = "n1:45454") =>
        new(id, node, node.Split(':')[0] + ":8042", new Capability(1024, 1, 0), key.Priority, key.AllocationRequestId, new byte[] { 1, 2, 3 });
}
