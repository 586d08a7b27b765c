namespace YarnDL.AppMaster.Clusters;

internal sealed partial class ClusterSession
{
    /// <summary>AM restart: takes over the counters of the previous attempt.</summary>
    public void Restore(int generation, int restarts, ClusterState state, string? failureReason, IReadOnlyDictionary<string, double> finalMetrics)
    {
        lock (_gate)
        {
            Generation = generation;
            Restarts = restarts;
            State = state;
            FailureReason = failureReason;
            FinalMetrics = finalMetrics;
        }
    }

    /// <summary>After restoring slots: a cluster whose tasks had all registered keeps its barrier open for reconnecting tasks.</summary>
    public void RestoreBarrier()
    {
        lock (_gate)
        {
            if (Slots.All(s => s.State == TaskState.Registered))
            {
                _complete.TrySetResult();
            }
        }
    }
}
