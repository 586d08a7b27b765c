using System.Net;
using YarnDL.Training.Compute;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>The worker side: pushes each shard of the gradient to its ps and adopts the weights it sends back. The
/// control slots travel with shard 0 (ps 0 sums them in sync mode, echoes them in async mode).</summary>
internal sealed class ParameterServerClient : IParameterSync
{
    private readonly PsChannel[] _servers;

    private ParameterServerClient(int rank, int worldSize, PsMode mode, PsChannel[] servers)
    {
        Rank = rank;
        WorldSize = worldSize;
        Mode = mode;
        _servers = servers;
    }

    public int Rank { get; }

    public int WorldSize { get; }

    public PsMode Mode { get; }

    public bool IsSynchronous => Mode == PsMode.Sync;

    /// <summary>Connects to every ps (retrying until each listens) and says hello.</summary>
    public static async Task<ParameterServerClient> ConnectAsync(int rank, int worldSize, PsMode mode, IReadOnlyList<EndPoint> parameterServers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameterServers);
        if (parameterServers.Count == 0)
        {
            throw new ArgumentException("strategy ps needs at least one ps task in the cluster spec", nameof(parameterServers));
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var channels = new List<PsChannel>();
        try
        {
            foreach (var ep in parameterServers)
            {
                var c = new PsChannel(await PeerSockets.ConnectAsync(ep, cts.Token), ep.ToString() ?? "ps");
                channels.Add(c);
                c.Send(PsOp.Hello, rank, [worldSize]);
            }

            return new ParameterServerClient(rank, worldSize, mode, [.. channels]);
        }
        catch
        {
            channels.ForEach(c => c.Dispose());
            throw;
        }
    }

    public void Start(float[] parameters, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (Rank == 0)
        {
            for (var k = 0; k < _servers.Length; k++)
            {
                var (lo, len) = Shard(parameters.Length, k);
                var s = _servers[k];
                s.Send(PsOp.Init, optimizer.Steps, [(float)optimizer.Kind, optimizer.LearningRate, optimizer.Momentum, Mode == PsMode.Async ? 1 : 0]);
                s.Send(PsOp.Data, 0, parameters.AsSpan(lo, len));
                s.Send(PsOp.Data, 0, optimizer.First.AsSpan(lo, len));
                s.Send(PsOp.Data, 0, optimizer.Second.Length == 0 ? [] : optimizer.Second.AsSpan(lo, len));
            }
        }

        ReceiveWeights(parameters, null);
    }

    public void Update(float[] buffer, float[] parameters, Optimizer optimizer, IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters.Length;
        for (var k = 0; k < _servers.Length; k++)
        {
            var (lo, len) = Shard(p, k);
            _servers[k].Send(PsOp.Push, 0, buffer.AsSpan(lo, len), k == 0 ? buffer.AsSpan(p) : default);
        }

        ReceiveWeights(parameters, buffer);
        optimizer.Steps++;
    }

    /// <summary>Workers share no channel besides their ps links; each evaluates the whole test set.</summary>
    public bool TrySumMetrics(float[] values) => false;

    public void FetchOptimizerState(float[] parameters, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        for (var k = 0; k < _servers.Length; k++)
        {
            var (lo, len) = Shard(parameters.Length, k);
            var s = _servers[k];
            s.Send(PsOp.PullState, 0);
            var (_, steps) = s.Expect(PsOp.State);
            optimizer.Steps = steps;
            s.Expect(PsOp.Data);
            s.Payload.CopyTo(parameters.AsSpan(lo, len));
            s.Expect(PsOp.Data);
            s.Payload.CopyTo(optimizer.First.AsSpan(lo, len));
            s.Expect(PsOp.Data);
            if (optimizer.Second.Length > 0)
            {
                s.Payload.CopyTo(optimizer.Second.AsSpan(lo, len));
            }
        }
    }

    public void Dispose()
    {
        foreach (var s in _servers)
        {
            try
            {
                s.Send(PsOp.Bye, Rank);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                // The ps is gone already; nothing to say goodbye to.
            }

            s.Dispose();
        }
    }

    private (int Lo, int Len) Shard(int p, int k) => (PsShards.Start(p, _servers.Length, k), PsShards.Length(p, _servers.Length, k));

    private void ReceiveWeights(float[] parameters, float[]? controlOut)
    {
        for (var k = 0; k < _servers.Length; k++)
        {
            var (lo, len) = Shard(parameters.Length, k);
            var s = _servers[k];
            s.Expect(PsOp.Params);
            var got = s.Payload;
            if (got.Length < len)
            {
                throw new PsProtocolException($"{s.Peer} sent {got.Length} weights, shard {k} has {len}");
            }

            got[..len].CopyTo(parameters.AsSpan(lo, len));
            if (k == 0 && controlOut is not null && got.Length > len)
            {
                got[len..].CopyTo(controlOut.AsSpan(parameters.Length));
            }
        }
    }
}
