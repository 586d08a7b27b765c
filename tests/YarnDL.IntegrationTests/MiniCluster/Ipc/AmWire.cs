using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Yarn;

namespace YarnDL.IntegrationTests.MiniCluster.Ipc;

/// <summary>What a test AM needs on the wire: asks with yarn.io/gpu and a heartbeat loop that tracks response_id.</summary>
internal sealed class AmWire(ApplicationMasterProtocolClient client)
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(100);

    public int ResponseId { get; set; }

    public static ResourceRequestProto Ask(int containers, int gpus, int priority = 1) => new()
    {
        Priority = new PriorityProto { Priority = priority },
        ResourceName = "*",
        NumContainers = containers,
        Capability = new ResourceProto
        {
            Memory = 512,
            VirtualCores = 1,
            ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = gpus, Units = "" } },
        },
        RelaxLocality = true,
    };

    public async Task<AllocateResponseProto> AllocateAsync(params ResourceRequestProto[] asks)
    {
        var request = new AllocateRequestProto { ResponseId = ResponseId, Progress = 0.1f };
        request.Ask.AddRange(asks);
        var response = await client.AllocateAsync(request);
        ResponseId = response.ResponseId;
        return response;
    }

    /// <summary>Heartbeats (Hadoop AMs do so on an interval) until <paramref name="done"/> holds for the accumulated responses.</summary>
    /// <remarks><paramref name="asks"/> go with the first heartbeat only (Hadoop asks are totals, not deltas).</remarks>
    public async Task<List<AllocateResponseProto>> HeartbeatUntilAsync(Func<IReadOnlyList<AllocateResponseProto>, bool> done, TimeSpan timeout, params ResourceRequestProto[] asks)
    {
        var seen = new List<AllocateResponseProto>();
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            seen.Add(await AllocateAsync(seen.Count == 0 ? asks : []));
            if (done(seen)) return seen;
            await Task.Delay(HeartbeatInterval, cts.Token);
        }
    }
}
