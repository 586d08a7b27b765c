using System.Net;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Wire;

namespace YarnDL.Hadoop.Yarn;

/// <summary>Typed client of the RM scheduler port (ApplicationMasterProtocolPB v1), authenticated with the AMRMToken.</summary>
public sealed class ApplicationMasterProtocolClient : IAsyncDisposable
{
    private readonly HadoopRpcClient _rpc;

    public ApplicationMasterProtocolClient(EndPoint endPoint, HadoopAuth auth, HadoopRpcClientOptions? options = null)
    {
        _rpc = new HadoopRpcClient(endPoint, YarnProtocols.ApplicationMaster, auth, options);
    }

    /// <summary>A client that authenticates every (re)connect with the AMRMToken <paramref name="authSource"/> holds then,
    /// so a token the RM rolled (AllocateResponse.am_rm_token) is used from the next connection on.</summary>
    public ApplicationMasterProtocolClient(EndPoint endPoint, Func<HadoopAuth> authSource, HadoopRpcClientOptions? options = null)
    {
        _rpc = new HadoopRpcClient(endPoint, YarnProtocols.ApplicationMaster, authSource, options);
    }

    public Task<RegisterApplicationMasterResponseProto> RegisterApplicationMasterAsync(RegisterApplicationMasterRequestProto request, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync("registerApplicationMaster", request, RegisterApplicationMasterResponseProto.Parser, cancellationToken);

    public Task<AllocateResponseProto> AllocateAsync(AllocateRequestProto request, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync("allocate", request, AllocateResponseProto.Parser, cancellationToken);

    /// <summary>allocate, its response decoded by <paramref name="decoder"/> straight into the caller's type.</summary>
    public Task<T> AllocateAsync<T>(AllocateRequestProto request, ProtoDecoder<T> decoder, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync("allocate", request, decoder, cancellationToken);

    public Task<FinishApplicationMasterResponseProto> FinishApplicationMasterAsync(FinishApplicationMasterRequestProto request, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync("finishApplicationMaster", request, FinishApplicationMasterResponseProto.Parser, cancellationToken);

    public ValueTask DisposeAsync() => _rpc.DisposeAsync();
}
