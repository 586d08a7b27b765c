using System.Globalization;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;

namespace YarnDL.Client.Submit;

/// <summary>
/// Whether one training cluster and its AM fit on the running nodes at once: every container placed first-fit, largest
/// dominant share first (memory, vcores and GPUs each relative to the largest node), anti-affinity roles on distinct nodes.
/// YARN does not gang-schedule, so a cluster that cannot be packed holds part of its containers and never starts.
/// Skipped when the RM does not report the nodes' total resources.
/// </summary>
public static class ContainerPacking
{
    private sealed record Item(string Role, long MemoryMb, long VCores, long Gpus, bool Apart);

    public static IReadOnlyList<string> Check(JobSpec spec, ClusterNodes? nodes, SpecLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sized = nodes?.Running.Where(n => n.Capacity is not null).ToList() ?? [];
        if (sized.Count == 0 || sized.Count != nodes!.Running.Count)
        {
            return [];
        }

        var largest = sized.MaxBy(n => (n.Capacity!.MemoryMb, n.Capacity.VCores, n.Capacity.Gpus))!;
        var (maxMem, maxCores, maxGpus) = (sized.Max(n => n.Capacity!.MemoryMb), sized.Max(n => n.Capacity!.VCores), sized.Max(n => n.Capacity!.Gpus));
        double Share(Item i) => Math.Max(Math.Max(Ratio(i.MemoryMb, maxMem), Ratio(i.VCores, maxCores)), Ratio(i.Gpus, maxGpus));

        var apart = spec.Placement.AntiAffinity.ToHashSet(StringComparer.Ordinal);
        var items = new List<Item> { new("AM", spec.Am.Memory.Megabytes, spec.Am.Vcores, 0, false) };
        foreach (var (name, role) in spec.Roles)
        {
            items.AddRange(Enumerable.Repeat(new Item(name, role.Memory.Megabytes, role.Vcores, role.Gpus, apart.Contains(name)), role.Instances));
        }

        var free = sized.Select(n => (n.Id, Mem: n.Capacity!.MemoryMb, Cores: n.Capacity.VCores, Gpus: n.Capacity.Gpus, Roles: new HashSet<string>(StringComparer.Ordinal))).ToList();
        foreach (var item in items.OrderByDescending(Share))
        {
            var at = free.FindIndex(n => n.Mem >= item.MemoryMb && n.Cores >= item.VCores && n.Gpus >= item.Gpus && !(item.Apart && n.Roles.Contains(item.Role)));
            if (at < 0)
            {
                return [Problem(spec, item, largest, sized.Count, locator)];
            }

            var n = free[at];
            n.Roles.Add(item.Role);
            free[at] = (n.Id, n.Mem - item.MemoryMb, n.Cores - item.VCores, n.Gpus - item.Gpus, n.Roles);
        }

        return [];
    }

    private static string Problem(JobSpec spec, Item item, ClusterNode largest, int count, SpecLocator? locator)
    {
        var c = largest.Capacity!;
        var big = $"the largest running node, {largest.Id}, has {c.MemoryMb}m, {c.VCores} vcores and {c.Gpus} GPU(s)";
        var what = item.Role == "AM" ? "the AM" : $"role '{item.Role}'";
        var text = item.MemoryMb > c.MemoryMb || item.VCores > c.VCores || item.Gpus > c.Gpus
            ? $"{what} asks for {item.MemoryMb}m, {item.VCores} vcores and {item.Gpus} GPU(s) per container, but {big}"
            : $"{what} cannot be placed: one training cluster ({string.Join(", ", spec.Roles.Select(r => $"{r.Key} {r.Value.Instances} × {r.Value.Memory}/{r.Value.Vcores} vcores/{r.Value.Gpus} GPU"))}, plus the AM) does not fit on the {count} running node(s) together, packed first-fit by dominant resource; {big}";
        text += ". YARN does not gang-schedule, so the job would never start: lower instances or the per-task memory, vcores or gpus, or submit to a bigger cluster";
        var path = item.Role == "AM" ? "am" : $"roles.{item.Role}";
        return locator is null ? text : $"{locator.Locate(path)}: {text}";
    }

    private static double Ratio(long need, long max) => need <= 0 ? 0 : max <= 0 ? double.PositiveInfinity : need / (double)max;
}

/// <summary>A node's total resources (what it can ever hold), from <c>totalResource</c> of the RM's node report.</summary>
public sealed record NodeCapacity(long MemoryMb, long VCores, long Gpus)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MemoryMb}m/{VCores}/{Gpus}");
}
