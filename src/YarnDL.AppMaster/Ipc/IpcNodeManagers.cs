using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;

namespace YarnDL.AppMaster.Ipc;

/// <summary><see cref="INodeManagers"/> over Hadoop IPC: one connection per node, authenticated with that node's
/// cached NMToken, replaced when the RM hands out a new token for the node.</summary>
internal sealed class IpcNodeManagers(NmTokenCache tokens, HadoopRpcClientOptions? options, ILogger logger, ReadOnlyMemory<byte> taskTokens = default)
    : INodeManagers, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (ReadOnlyMemory<byte> Token, ContainerManagementProtocolClient Client)> _clients =
        new(StringComparer.Ordinal);

    public async Task StartAsync(AllocatedContainer container, LaunchSpec launch, CancellationToken ct)
    {
        var request = new StartContainersRequestProto();
        request.StartContainerRequest.Add(LaunchContextMapper.ToProto(container, launch, taskTokens));
        StartContainersResponseProto response;
        try
        {
            var client = await ClientAsync(container.NodeId).ConfigureAwait(false);
            response = await client.StartContainersAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HadoopException or IOException or InvalidOperationException)
        {
            throw new ContainerStartException(container.ContainerId, container.NodeId, e.Message, e);
        }

        if (response.FailedRequests.FirstOrDefault() is { } failed)
        {
            var reason = failed.Exception is { } ex ? $"{ex.ClassName}: {ex.Message}" : "refused by the NodeManager";
            throw new ContainerStartException(container.ContainerId, container.NodeId, reason);
        }

        logger.LogInformation("Started {Container} on {Node}", container.ContainerId, container.NodeId);
    }

    public async Task StopAsync(string containerId, string nodeId, CancellationToken ct)
    {
        var request = new StopContainersRequestProto();
        request.ContainerId.Add(ContainerId.Parse(containerId).ToProto());
        var client = await ClientAsync(nodeId).ConfigureAwait(false);
        var response = await client.StopContainersAsync(request, ct).ConfigureAwait(false);
        if (response.FailedRequests.FirstOrDefault() is { Exception: { } ex })
        {
            logger.LogWarning("NM {Node} did not stop {Container}: {Class}: {Message}", nodeId, containerId, ex.ClassName, ex.Message);
        }
    }

    private async Task<ContainerManagementProtocolClient> ClientAsync(string nodeId)
    {
        if (!tokens.TryGet(nodeId, out var token))
        {
            throw new InvalidOperationException($"no NMToken for node {nodeId}");
        }

        if (_clients.TryGetValue(nodeId, out var cached))
        {
            if (cached.Token.Span.SequenceEqual(token.Span))
            {
                return cached.Client;
            }

            // Concurrent launches on one node may all see the stale client: only the one that removes it disposes it.
            if (_clients.TryRemove(new KeyValuePair<string, (ReadOnlyMemory<byte>, ContainerManagementProtocolClient)>(nodeId, cached)))
            {
                await cached.Client.DisposeAsync().ConfigureAwait(false);
            }
        }

        var node = NodeId.Parse(nodeId);
        var auth = HadoopToken.FromProto(AmProtoMapper.ParseToken(token)).ToAuth();
        var client = new ContainerManagementProtocolClient(Endpoints.Resolve(node.Host, node.Port), auth, options);
        if (!_clients.TryAdd(nodeId, (token, client)))
        {
            await client.DisposeAsync().ConfigureAwait(false);
            return _clients[nodeId].Client;
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, entry) in _clients)
        {
            await entry.Client.DisposeAsync().ConfigureAwait(false);
        }

        _clients.Clear();
    }
}
