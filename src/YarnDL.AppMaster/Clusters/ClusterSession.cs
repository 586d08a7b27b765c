using YarnDL.Spec.Plan;

namespace YarnDL.AppMaster.Clusters;

/// <summary>One TF-style cluster: its task slots, generation, registration barrier and metric history.
/// All members are thread-safe (the task API and the AM loop both use it).</summary>
internal sealed partial class ClusterSession
{
    private readonly Lock _gate = new();
    private readonly List<MetricPoint> _history = [];
    private readonly EpochClock _clock = new();
    private TaskCompletionSource _complete = NewBarrier();
    private readonly SavedStateVersion? _saved;
    private volatile ClusterState _state = ClusterState.Queued;

    /// <summary>A cluster of <paramref name="plan"/>'s tasks; a change to what the AM saves of it or of its tasks bumps
    /// <paramref name="saved"/>.</summary>
    public ClusterSession(TrialPlan plan, int priorityBase, SavedStateVersion? saved = null)
    {
        Plan = plan;
        PriorityBase = priorityBase;
        _saved = saved;
        Slots = [.. plan.Roles.SelectMany(r => Enumerable.Range(0, r.Instances).Select(i => new TaskSlot(r.Name, i, saved)))];
    }

    public TrialPlan Plan { get; }

    public string Id => Plan.Id;

    /// <summary>First RM priority of this cluster; role i asks at PriorityBase + i.</summary>
    public int PriorityBase { get; }

    public IReadOnlyList<TaskSlot> Slots { get; }

    public int Generation { get; private set => Change(ref field, value); }

    public int Restarts { get; private set => Change(ref field, value); }

    /// <summary>Where the cluster is; every change is reported to <see cref="StateChanged"/> in the order the changes happen.</summary>
    public ClusterState State
    {
        get => _state;
        set
        {
            lock (_gate)
            {
                var old = _state;
                _state = value;
                if (old != value)
                {
                    _saved?.Bump();
                    StateChanged?.Invoke(this, old, value);
                }
            }
        }
    }

    /// <summary>Called (under the session's lock, so in order) on each change of <see cref="State"/>: the scheduler keeps
    /// its counts from it instead of scanning every cluster on every heartbeat.</summary>
    internal Action<ClusterSession, ClusterState, ClusterState>? StateChanged { get; set; }

    public string? FailureReason { get; set => Change(ref field, value); }

    /// <summary>Why the cluster last restarted and where it resumes (null before any restart).</summary>
    public string? RestartReason { get; set; }

    /// <summary>Allocation deadlines passed in a row without the cluster getting all its containers.</summary>
    public int AllocationTimeouts { get; set; }

    public DateTimeOffset StateSince { get; set; }

    /// <summary>Final metrics reported by rank 0 (objective source).</summary>
    public IReadOnlyDictionary<string, double> FinalMetrics { get; private set => Change(ref field, value); } = new Dictionary<string, double>();

    public bool IsFinished => State is ClusterState.Succeeded or ClusterState.Failed or ClusterState.EarlyStopped;

    public IReadOnlyList<MetricPoint> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    public TaskSlot? Find(string role, int index) => Slots.FirstOrDefault(s => s.Role == role && s.Index == index);

    public TaskSlot? FindByContainer(string containerId) => Slots.FirstOrDefault(s => s.ContainerId == containerId);

    /// <summary>Starts a new generation: every slot goes back to Requested; tasks of older generations get 409/Stop.</summary>
    public void Restart(bool countsAgainstBudget)
    {
        lock (_gate)
        {
            Generation++;
            if (countsAgainstBudget)
            {
                Restarts++;
            }

            foreach (var s in Slots)
            {
                s.Reset();
            }

            _complete.TrySetCanceled();
            _complete = NewBarrier();
            _clock.Reset();
            State = ClusterState.Allocating;
        }
    }

    /// <summary>One task was relaunched alone after its own failure (uses the restart budget, keeps the generation).</summary>
    public void CountRestart()
    {
        lock (_gate)
        {
            Restarts++;
        }
    }

    public void Finish(ClusterState state, IReadOnlyDictionary<string, double>? metrics = null)
    {
        lock (_gate)
        {
            State = state;
            _complete.TrySetCanceled();
            if (metrics is not null)
            {
                FinalMetrics = metrics;
            }
        }
    }

    /// <summary>Estimated time until the trial's planned epochs are done (null while unknown, or for command jobs).</summary>
    public TimeSpan? Remaining(DateTimeOffset now)
    {
        lock (_gate)
        {
            return Plan.Trainer is { } trainer && !IsFinished ? _clock.Remaining(trainer.Epochs, now) : null;
        }
    }

    /// <summary>Latest value of a metric: the final one when known, else rank 0's last heartbeat.</summary>
    public double? LatestMetric(string name)
    {
        lock (_gate)
        {
            if (FinalMetrics.TryGetValue(name, out var f))
            {
                return f;
            }

            for (var i = _history.Count - 1; i >= 0; i--)
            {
                if (_history[i].Values.TryGetValue(name, out var v))
                {
                    return v;
                }
            }

            return null;
        }
    }

    private static TaskCompletionSource NewBarrier() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Change<T>(ref T backing, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(backing, value))
        {
            backing = value;
            _saved?.Bump();
        }
    }
}
