namespace YarnDL.MiniCluster.Model;

/// <summary>A YARN resource vector over memory-mb, vcores and yarn.io/gpu.</summary>
internal readonly record struct Resource(long MemoryMb, int VCores, int Gpus)
{
    public static Resource Zero => default;

    public static Resource operator +(Resource a, Resource b) => new(a.MemoryMb + b.MemoryMb, a.VCores + b.VCores, a.Gpus + b.Gpus);

    public static Resource operator -(Resource a, Resource b) => new(a.MemoryMb - b.MemoryMb, a.VCores - b.VCores, a.Gpus - b.Gpus);

    public bool FitsIn(Resource available) => MemoryMb <= available.MemoryMb && VCores <= available.VCores && Gpus <= available.Gpus;

    public bool IsNegative => MemoryMb < 0 || VCores < 0 || Gpus < 0;

    /// <summary>Rounds memory and vcores up to multiples of the minimum allocation, as the scheduler's normalisation does.</summary>
    public Resource Normalize(long minMb, int minVCores) => new(
        RoundUp(Math.Max(MemoryMb, minMb), minMb),
        (int)RoundUp(Math.Max(VCores, minVCores), minVCores),
        Gpus);

    /// <summary>Dominant share of this usage within <paramref name="total"/>.</summary>
    public double DominantShare(Resource total) => Math.Max(
        Share(MemoryMb, total.MemoryMb), Math.Max(Share(VCores, total.VCores), Share(Gpus, total.Gpus)));

    private static double Share(long used, long total) => total <= 0 ? 0 : (double)used / total;

    private static long RoundUp(long value, long step) => step <= 0 ? value : (value + step - 1) / step * step;
}
