namespace YarnDL.Spec.Model;

/// <summary>Parameter-server update mode (with <c>strategy: ps</c>).</summary>
public enum PsMode
{
    /// <summary>One update per step from all workers' gradients (deterministic).</summary>
    Sync,

    /// <summary>Each worker's push updates the weights on arrival.</summary>
    Async,
}
