namespace YarnDL.Spec.Model;

/// <summary>Docker runtime options for every container.</summary>
public sealed record DockerSpec
{
    /// <summary>Mounts <c>src:dst[:ro|rw]</c>.</summary>
    public List<string> Mounts { get; init; } = [];

    /// <summary>Docker network (default: the NM's default, usually <c>host</c>).</summary>
    public string? Network { get; init; }
}
