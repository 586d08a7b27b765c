using System.Collections.Concurrent;
using System.Net.Sockets;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>One parameter-server task: owns a shard of the weights and its optimizer state. It accepts every worker,
/// takes the initial shard from rank 0, then serves pushes until all workers say goodbye. Sync mode sums the workers'
/// gradients in rank order and applies one update per step; async mode applies each push on arrival.</summary>
internal sealed partial class ParameterServerNode : IDisposable
{
    private readonly PsChannel[] _workers;
    private readonly CpuBackend _backend = new(1);
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly Lock _gate = new();
    private Optimizer _optimizer = null!;
    private float[] _weights = [];

    private ParameterServerNode(PsChannel[] workers) => _workers = workers;

    public PsMode Mode { get; private set; }

    /// <summary>Pushes applied so far.</summary>
    public long Updates { get; private set; }

    /// <summary>Weights of this shard (for tests and logs).</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Accepts <paramref name="worldSize"/> workers on <paramref name="listener"/> (bound and listening).</summary>
    public static async Task<ParameterServerNode> AcceptAsync(Socket listener, int worldSize, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var channels = new PsChannel?[worldSize];
        try
        {
            for (var i = 0; i < worldSize; i++)
            {
                var s = await listener.AcceptAsync(cts.Token);
                PeerSockets.Tune(s);
                var c = new PsChannel(s, s.RemoteEndPoint?.ToString() ?? "worker");
                var (_, rank) = c.Expect(PsOp.Hello);
                if (rank < 0 || rank >= worldSize || channels[rank] is not null || c.PayloadCount != 1 || (int)c.Payload[0] != worldSize)
                {
                    c.Dispose();
                    throw new PsProtocolException($"ps: bad hello from {c.Peer}: rank {rank}, expected a new rank in [0, {worldSize}) of a world of {worldSize}");
                }

                channels[rank] = c;
            }

            return new ParameterServerNode([.. channels.Select(c => c!)]);
        }
        catch
        {
            foreach (var c in channels)
            {
                c?.Dispose();
            }

            throw;
        }
    }

    /// <summary>Serves until every worker has said goodbye.</summary>
    public void Serve()
    {
        Initialize();
        foreach (var w in _workers)
        {
            w.Send(PsOp.Params, Updates, _weights);
        }

        if (Mode == PsMode.Sync)
        {
            ServeSync();
        }
        else
        {
            ServeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var w in _workers)
        {
            w.Dispose();
        }

        _backend.Dispose();
    }

    private void Initialize()
    {
        var chief = _workers[0];
        var (_, steps) = chief.Expect(PsOp.Init);
        var header = chief.Payload;
        if (header.Length != 4)
        {
            throw new PsProtocolException($"ps: init header of {header.Length} values, expected 4");
        }

        var kind = (OptimizerKind)(int)header[0];
        var lr = header[1];
        var momentum = header[2];
        Mode = header[3] > 0 ? PsMode.Async : PsMode.Sync;
        chief.Expect(PsOp.Data);
        _weights = chief.Payload.ToArray();
        _optimizer = new Optimizer(kind, _weights.Length, lr, momentum) { Steps = steps };
        chief.Expect(PsOp.Data);
        chief.Payload.CopyTo(_optimizer.First);
        chief.Expect(PsOp.Data);
        chief.Payload.CopyTo(_optimizer.Second);
    }

    private void SendState(PsChannel to)
    {
        to.Send(PsOp.State, _optimizer.Steps);
        to.Send(PsOp.Data, 0, _weights);
        to.Send(PsOp.Data, 0, _optimizer.First);
        to.Send(PsOp.Data, 0, _optimizer.Second);
    }
}
