namespace YarnDL.Spec.Model;

/// <summary>How a sweep chooses trials.</summary>
public enum SweepStrategy
{
    /// <summary>Cartesian product of the value lists.</summary>
    Grid,

    /// <summary>Seeded random sampling.</summary>
    Random,
}
