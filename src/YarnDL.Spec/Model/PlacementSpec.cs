namespace YarnDL.Spec.Model;

/// <summary>Where containers may run.</summary>
public sealed record PlacementSpec
{
    /// <summary>YARN node label expression for every task container (e.g. <c>gpu</c>).</summary>
    public string? NodeLabel { get; init; }

    /// <summary>Roles whose tasks must land on distinct nodes.</summary>
    public List<string> AntiAffinity { get; init; } = [];

    /// <summary>Node attribute expressions every task container must satisfy (<c>[prefix/]name=value</c> or <c>!=</c>).</summary>
    public List<string> NodeAttributes { get; init; } = [];
}
