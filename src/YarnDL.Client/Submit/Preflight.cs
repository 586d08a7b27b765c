using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
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
