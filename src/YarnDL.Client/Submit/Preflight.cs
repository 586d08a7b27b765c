using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Spec.Placement;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Errors;
using YarnDL.Yarn.Rest.Resources;

namespace YarnDL.Client.Submit;

/// <summary>Checks a spec against the cluster: GPU type known, asks within the maximum capability, queue exists.</summary>
public static class Preflight
{
    /// <summary>
    /// Every problem found (empty = fine); with <paramref name="locator"/> each starts with the <c>file:line:column</c> of the key
    /// it is about (the queue: where <c>queue</c> is, or the file's start when it came from <c>--queue</c>).
    /// </summary>
    public static IReadOnlyList<string> Check(JobSpec spec, ResourceInfo? maximum, IReadOnlySet<string>? queues, string? queue, SpecLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new Problems(locator);
        if (maximum is not null)
        {
            var maxGpus = maximum.Gpus;
            foreach (var (name, role) in spec.Roles)
            {
                if (role.Gpus > 0 && maxGpus is null)
                {
                    problems.Add($"roles.{name}.gpus", $"role '{name}' asks for {role.Gpus} GPU(s) but the cluster has no '{ResourceInfo.Gpu}' resource type (resource-types.xml)");
                }
                else if (role.Gpus > maxGpus)
                {
                    problems.Add($"roles.{name}.gpus", $"role '{name}' asks for {role.Gpus} GPU(s) per task, above the cluster's maximum allocation of {maxGpus}");
                }

                if (role.Memory.Megabytes > maximum.Memory)
                {
                    problems.Add($"roles.{name}.memory", $"role '{name}' asks for {role.Memory} memory, above the maximum allocation of {maximum.Memory}m");
                }

                if (role.Vcores > maximum.VCores)
                {
                    problems.Add($"roles.{name}.vcores", $"role '{name}' asks for {role.Vcores} vcores, above the maximum allocation of {maximum.VCores}");
                }
            }

            if (spec.Am.Memory.Megabytes > maximum.Memory || spec.Am.Vcores > maximum.VCores)
            {
                problems.Add(spec.Am.Memory.Megabytes > maximum.Memory ? "am.memory" : "am.vcores", $"the AM asks for {spec.Am.Memory}/{spec.Am.Vcores} vcores, above the maximum allocation of {maximum.Memory}m/{maximum.VCores} vcores");
            }
        }

        if (queue is not null && queues is { Count: > 0 } && !queues.Contains(queue))
        {
            problems.Add("queue", $"queue '{queue}' does not exist (queues: {string.Join(", ", queues.Order(StringComparer.Ordinal))})");
        }

        return problems.List;
    }

    /// <summary>
    /// Problems that no wait can cure: one training cluster (every role's instances, plus the AM) needs more memory, vcores or
    /// GPUs at once than the whole cluster has, or an anti-affinity role has more instances than there are nodes (with node
    /// attributes and <paramref name="nodes"/> known: nodes that satisfy them). YARN does not gang-schedule, so such a job would
    /// hold part of its containers until its allocation deadline. Skipped while no node is active.
    /// </summary>
    public static IReadOnlyList<string> CheckCapacity(JobSpec spec, ClusterCapacity? capacity, SpecLocator? locator = null, ClusterNodes? nodes = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new Problems(locator);
        if (capacity is not { ActiveNodes: > 0 })
        {
            return problems.List;
        }

        var gpus = spec.Roles.Sum(r => (long)r.Value.Instances * r.Value.Gpus);
        if (gpus > 0 && capacity.Gpus is { } clusterGpus && gpus > clusterGpus)
        {
            var parts = string.Join(", ", spec.Roles.Where(r => r.Value.Gpus > 0).Select(r => $"{r.Key} {r.Value.Instances} × {r.Value.Gpus}"));
            problems.Add("roles", $"one training cluster needs {gpus} GPU(s) at once ({parts}) but the cluster has {clusterGpus} in all on {capacity.ActiveNodes} active node(s); YARN does not gang-schedule, so it would never start: lower instances or gpus, or submit to a bigger cluster");
        }

        var memory = spec.Am.Memory.Megabytes + spec.Roles.Sum(r => r.Value.Instances * r.Value.Memory.Megabytes);
        if (memory > capacity.MemoryMb)
        {
            problems.Add("roles", $"one training cluster and its AM need {memory}m of memory at once but the cluster has {capacity.MemoryMb}m in all on {capacity.ActiveNodes} active node(s): lower instances or memory");
        }

        var vcores = spec.Am.Vcores + spec.Roles.Sum(r => (long)r.Value.Instances * r.Value.Vcores);
        if (vcores > capacity.VCores)
        {
            problems.Add("roles", $"one training cluster and its AM need {vcores} vcores at once but the cluster has {capacity.VCores} in all on {capacity.ActiveNodes} active node(s): lower instances or vcores");
        }

        foreach (var name in spec.Placement.AntiAffinity)
        {
            if (!spec.Roles.TryGetValue(name, out var role))
            {
                continue;
            }

            var attributes = RoleNodeAttributes.Of(spec, name);
            if (attributes.Count > 0 && nodes is { ReportNodeAttributes: true, Running.Count: > 0 })
            {
                var fit = NodeAttributePreflight.Satisfying(spec, name, nodes);
                if (role.Instances > fit)
                {
                    problems.Add($"roles.{name}.instances", $"role '{name}' has anti-affinity, so its {role.Instances} instances need {role.Instances} distinct nodes, but only {fit} of the {nodes.Running.Count} running node(s) satisfy its node attributes ({string.Join(", ", attributes.Select(a => a.Expression))})");
                }
            }
            else if (role.Instances > capacity.ActiveNodes)
            {
                problems.Add($"roles.{name}.instances", $"role '{name}' has anti-affinity, so its {role.Instances} instances need {role.Instances} distinct nodes, but the cluster has {capacity.ActiveNodes} active node(s)");
            }
        }

        return problems.List;
    }

    private sealed class Problems(SpecLocator? locator)
    {
        public List<string> List { get; } = [];

        public void Add(string path, string problem) => List.Add(locator is null ? problem : $"{locator.Locate(path)}: {problem}");
    }

    /// <summary>Reads the queue names, or null when the scheduler endpoint is not readable (the check is then skipped).</summary>
    public static async Task<IReadOnlySet<string>?> TryGetQueuesAsync(IRmRestClient rm, CancellationToken ct)
    {
        try
        {
            return await rm.GetQueueNamesAsync(ct).ConfigureAwait(false);
        }
        catch (YarnRestException)
        {
            return null;
        }
    }
}
