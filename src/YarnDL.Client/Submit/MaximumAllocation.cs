using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.Client.Submit;

/// <summary>
/// What an RM answers as maximum-resource-capability, found with read-only calls (no application id is used up): the
/// scheduler's maximum allocation capped, resource by resource, by the largest running node, as the RM's node tracker caps
/// it once nodes have registered. Without a scheduler figure (fair, fifo, or no scheduler resource) the largest node alone.
/// </summary>
public static class MaximumAllocation
{
    /// <summary>Reads the scheduler; null when neither it nor the nodes give a figure (the maximum checks are then skipped).</summary>
    public static async Task<ResourceInfo?> TryGetAsync(IRmRestClient rm, string? queue, ClusterNodes? nodes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rm);
        ResourceInfo? configured;
        try
        {
            configured = await rm.GetMaximumAllocationAsync(queue, ct).ConfigureAwait(false);
        }
        catch (YarnRestException)
        {
            configured = null;
        }

        return Combine(configured, nodes);
    }

    /// <summary><paramref name="configured"/> capped by the largest running node of <paramref name="nodes"/>.</summary>
    public static ResourceInfo? Combine(ResourceInfo? configured, ClusterNodes? nodes)
    {
        var sizes = nodes?.Running.Select(n => n.Capacity).OfType<NodeCapacity>().ToList() ?? [];
        if (sizes.Count == 0)
        {
            return configured;
        }

        var (memory, vcores, gpus) = (sizes.Max(s => s.MemoryMb), sizes.Max(s => s.VCores), sizes.Max(s => s.Gpus));
        if (configured is null)
        {
            return Build(memory, vcores, gpus);
        }

        return Build(Math.Min(configured.Memory, memory), Math.Min(configured.VCores, vcores), configured.Gpus is { } g ? Math.Min(g, gpus) : null);
    }

    private static ResourceInfo Build(long memory, long vcores, long? gpus) => new()
    {
        Memory = memory,
        VCores = vcores,
        ResourceInformations = new ResourceInformations
        {
            Items =
            [
                new ResourceInformation { Name = "memory-mb", Units = "Mi", Value = memory },
                new ResourceInformation { Name = "vcores", Value = vcores },
                .. gpus is { } g ? [new ResourceInformation { Name = ResourceInfo.Gpu, Value = g }] : Array.Empty<ResourceInformation>(),
            ],
        },
    };
}
