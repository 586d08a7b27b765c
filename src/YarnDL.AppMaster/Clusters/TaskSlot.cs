using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Clusters;

/// <summary>One task of a cluster (role, index) and its current container. A change to what the AM saves of it bumps
/// <paramref name="saved"/>.</summary>
internal sealed class TaskSlot(string role, int index, SavedStateVersion? saved = null)
{
    public string Role { get; } = role;

    public int Index { get; } = index;

    public TaskState State { get; set => Change(ref field, value); } = TaskState.Requested;

    public string? ContainerId { get; set => Change(ref field, value); }

    public string? NodeId { get; set => Change(ref field, value); }

    public string? NodeHttpAddress { get; set => Change(ref field, value); }

    /// <summary><c>host:port</c> the task registered for its training traffic.</summary>
    public string? Address { get; set => Change(ref field, value); }

    public DateTimeOffset LastHeartbeat { get; set; }

    public long Step { get; set; }

    /// <summary>0-based epoch of the last heartbeat.</summary>
    public int Epoch { get; set; }

    /// <summary>Step of the newest checkpoint the task reported, or -1; kept across restarts (the next generation resumes from it).</summary>
    public long CheckpointStep { get; set; } = -1;

    /// <summary>0-based epoch the task was in when it first reported <see cref="CheckpointStep"/>.</summary>
    public int CheckpointEpoch { get; set; }

    /// <summary>When the AM first heard of <see cref="CheckpointStep"/>.</summary>
    public DateTimeOffset? CheckpointAt { get; set; }

    public IReadOnlyDictionary<string, double> Metrics { get; set; } = new Dictionary<string, double>();

    /// <summary>Command delivered with the next heartbeat answer.</summary>
    public TaskCommand PendingCommand { get; set; }

    /// <summary>How the container ended, or why the AM gave up on it; null while it runs.</summary>
    public string? ExitReason { get; set; }

    /// <summary>The result the task posted before exiting (its container may still run); null until it does.</summary>
    public TaskReport? Report { get; set; }

    /// <summary>
    /// The task posted a successful final result: it is exiting and sends no more heartbeats, and its container's end
    /// comes from the RM, which may be down or restarting for longer than the heartbeat timeout.
    /// </summary>
    public bool FinishedTraining { get; set; }

    public string Name => $"{Role}:{Index}";

    /// <summary>Forgets the container and registration (cluster restart).</summary>
    public void Reset()
    {
        State = TaskState.Requested;
        ContainerId = null;
        NodeId = null;
        NodeHttpAddress = null;
        Address = null;
        PendingCommand = TaskCommand.None;
        ExitReason = null;
        Report = null;
        FinishedTraining = false;
    }

    private void Change<T>(ref T backing, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(backing, value))
        {
            backing = value;
            saved?.Bump();
        }
    }
}
