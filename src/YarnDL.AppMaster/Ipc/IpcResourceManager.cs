using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;

namespace YarnDL.AppMaster.Ipc;

/// <summary><see cref="IResourceManager"/> over Hadoop IPC: one connection to the current scheduler address,
/// cycling through the HA addresses when a connection fails. Every (re)connect authenticates with the newest AMRMToken
/// (the RM's rolled one once an allocate response carried it); a refused handshake ends as <see cref="RmAuthenticationException"/>.</summary>
internal sealed class IpcResourceManager(
    IReadOnlyList<string> addresses, HadoopToken amRmToken, HadoopRpcClientOptions? options, ILogger logger)
    : IResourceManager, IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile HadoopToken _token = amRmToken;
    private ApplicationMasterProtocolClient? _client;
    private int _current;

    public string CurrentAddress => addresses[_current];

    public async Task<RegistrationResult> RegisterAsync(string host, int rpcPort, string trackingUrl, CancellationToken ct)
    {
        var request = new RegisterApplicationMasterRequestProto { Host = host, RpcPort = rpcPort, TrackingUrl = trackingUrl };
        var response = await CallAsync((c, t) => c.RegisterApplicationMasterAsync(request, t), ct).ConfigureAwait(false);
        return AmProtoMapper.FromProto(response);
    }

    public async Task<AllocateResult> AllocateAsync(AllocateCall call, CancellationToken ct)
    {
        var request = AmProtoMapper.ToProto(call);
        return await CallAsync((c, t) => c.AllocateAsync(request, AllocateResponseDecoder.Instance, t), ct).ConfigureAwait(false);
    }

    public async Task<bool> FinishAsync(FinalStatus status, string diagnostics, string trackingUrl, CancellationToken ct)
    {
        var request = new FinishApplicationMasterRequestProto
        {
            FinalApplicationStatus = AmProtoMapper.ToProto(status),
            Diagnostics = diagnostics,
            TrackingUrl = trackingUrl,
        };
        var response = await CallAsync((c, t) => c.FinishApplicationMasterAsync(request, t), ct).ConfigureAwait(false);
        return response.IsUnregistered;
    }

    public void UpdateAmRmToken(ReadOnlyMemory<byte> token)
    {
        if (token.IsEmpty)
        {
            return;
        }

        // The RM repeats the new token in every allocate answer until the key it was made with becomes the only one
        // (the activation delay), because the open connection still authenticated with the old key: take it in once.
        var rolled = HadoopToken.FromProto(AmProtoMapper.ParseToken(token));
        if (rolled.Identifier.AsSpan().SequenceEqual(_token.Identifier))
        {
            return;
        }

        _token = rolled;
        logger.LogInformation("AMRMToken rolled by the RM; every connection from now on authenticates with the new one");
    }

    private async Task<T> CallAsync<T>(Func<ApplicationMasterProtocolClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var tried = 0; ; tried++)
            {
                var client = _client ??= Connect(addresses[_current]);
                try
                {
                    return await call(client, ct).ConfigureAwait(false);
                }
                catch (HadoopRemoteException e) when (RmExceptionMapper.Map(e.ClassName, e.RemoteMessage) is { } mapped)
                {
                    throw mapped;
                }
                catch (Exception e) when (RmFailureClassifier.Classify(e) == RmFailureKind.Authentication && !ct.IsCancellationRequested)
                {
                    var reason = RmFailureClassifier.Reason(e);
                    logger.LogError("RM scheduler {Address} refused the AMRMToken handshake: {Reason}", addresses[_current], reason);
                    _client = null;
                    await client.DisposeAsync().ConfigureAwait(false);
                    throw new RmAuthenticationException(addresses[_current], reason, e);
                }
                catch (Exception e) when (RmFailureClassifier.Classify(e) == RmFailureKind.Connection && !ct.IsCancellationRequested)
                {
                    logger.LogWarning("RM scheduler {Address} unreachable ({Error}); trying the next one", addresses[_current], e.Message);
                    _client = null;
                    await client.DisposeAsync().ConfigureAwait(false);
                    _current = (_current + 1) % addresses.Count;
                    if (tried + 1 >= addresses.Count * 2)
                    {
                        throw new SchedulerUnreachableException(addresses, e);
                    }
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private ApplicationMasterProtocolClient Connect(string address)
    {
        var (host, port) = Endpoints.Split(address, YarnDL.AppMaster.Startup.YarnSite.DefaultSchedulerPort);
        logger.LogInformation("Connecting to the RM scheduler at {Address}", address);
        return new ApplicationMasterProtocolClient(Endpoints.Resolve(host, port), () => _token.ToAuth(), options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _client, null) is { } c)
        {
            await c.DisposeAsync().ConfigureAwait(false);
        }

        _lock.Dispose();
    }
}
