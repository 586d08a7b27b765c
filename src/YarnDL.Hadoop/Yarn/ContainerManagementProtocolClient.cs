using System.Net;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.Hadoop.Yarn;

/// <summary>Typed client of a NodeManager (ContainerManagementProtocolPB v1), authenticated with that node's NMToken.</summary>
public sealed class ContainerManagementProtocolClient : IAsyncDisposable
{
    private readonly HadoopRpcClient _rpc;

    public ContainerManagementProtocolClient(EndPoint endPoint, HadoopAuth auth, HadoopRpcClientOptions? options = null)
    {
        _rpc = new HadoopRpcClient(endPoint, YarnProtocols.ContainerManagement, auth, options);
    }

    public Task<StartContainersResponseProto> StartContainersAsync(StartContainersRequestProto request, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync("startContainers", request, StartContainersResponseProto.Parser, cancellationToken);

    public Task<StopContainersResponseProto> StopContainersAsync(StopContainersRequestProto request, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync("stopContainers", request, StopContainersResponseProto.Parser, cancellationToken);

    public Task<GetContainerStatusesResponseProto> GetContainerStatusesAsync(GetContainerStatusesRequestProto request, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync("getContainerStatuses", request, GetContainerStatusesResponseProto.Parser, cancellationToken);

    public ValueTask DisposeAsync() => _rpc.DisposeAsync();
}
