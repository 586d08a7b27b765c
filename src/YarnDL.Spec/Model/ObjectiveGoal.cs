namespace YarnDL.Spec.Model;

/// <summary>Direction of the objective.</summary>
public enum ObjectiveGoal
{
    /// <summary>Higher is better.</summary>
    Maximize,

    /// <summary>Lower is better.</summary>
    Minimize,
}
