using YarnDL.Spec.Units;

namespace YarnDL.Spec.Model;

/// <summary>Resources and packaging of the ApplicationMaster container.</summary>
public sealed record AmSpec
{
    /// <summary>AM container memory (default 1g).</summary>
    public MemorySize Memory { get; init; } = MemorySize.FromMegabytes(SpecDefaults.AmMemoryMb);

    /// <summary>AM container vcores (default 1).</summary>
    public int Vcores { get; init; } = SpecDefaults.AmVcores;

    /// <summary>How the AM reaches the container.</summary>
    public AmMode Mode { get; init; } = AmMode.Image;
}
