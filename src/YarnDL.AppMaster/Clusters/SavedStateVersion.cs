namespace YarnDL.AppMaster.Clusters;

/// <summary>Counts changes to what the AM saves for its next attempt (clusters' state, generation and result; tasks'
/// state, container and address), so that a heartbeat with nothing new costs nothing to save however many tasks there
/// are. Thread-safe: the task API and the AM loop both change tasks.</summary>
internal sealed class SavedStateVersion
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
