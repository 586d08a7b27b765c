using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Nm;

namespace YarnDL.Client.Nodes;

/// <summary>GPU inventory for <c>yarndl admin nodes</c>: RM node totals plus per-device detail from each NM.</summary>
public sealed class GpuInventory(IRmRestClient rm)
{
    public async Task<IReadOnlyList<NodeGpus>> GetAsync(bool withDevices, CancellationToken ct = default)
    {
        var nodes = await rm.GetNodesAsync(null, ct).ConfigureAwait(false);
        var result = new List<NodeGpus>(nodes.Count);
        foreach (var n in nodes)
        {
            NmGpuInfo? devices = null;
            string? deviceError = null;
            if (withDevices && !string.IsNullOrEmpty(n.NodeHttpAddress) && (n.TotalResource?.Gpus ?? 0) > 0)
            {
                try
                {
                    devices = await rm.GetNodeGpuInfoAsync(n.NodeHttpAddress, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is YarnRestException or RmUnavailableException or HttpRequestException)
                {
                    deviceError = e.Message;
                }
            }

            // The RM keeps a LOST, UNHEALTHY or DECOMMISSIONED node's last report: its GPUs are not free for anyone.
            var free = n.State == "RUNNING" ? n.AvailableResource?.Gpus : n.TotalResource?.Gpus is null ? null : (long?)0;
            result.Add(new NodeGpus(n.Id, n.NodeHttpAddress, n.State, n.TotalResource?.Gpus, n.UsedResource?.Gpus, free, devices, deviceError));
        }

        return result;
    }
}

/// <summary>GPU counts of one node (null = the node reports no GPU resource type).</summary>
public sealed record NodeGpus(string NodeId, string? HttpAddress, string? State, long? Total, long? Used, long? Available, NmGpuInfo? Devices, string? DeviceError);
