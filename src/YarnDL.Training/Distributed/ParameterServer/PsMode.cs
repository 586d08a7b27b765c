namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>sync: one update per step from the rank-ordered sum of all workers' gradients (deterministic);
/// async: each push updates the weights at once (Hogwild-style staleness of at most one step per worker).</summary>
internal enum PsMode
{
    Sync,
    Async,
}
