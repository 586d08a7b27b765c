using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Clusters;

internal sealed partial class ClusterSession
{
    /// <summary>Records a task's address; completes the barrier when every slot is registered.</summary>
    public RegistrationOutcome Register(TaskIdentity task, string host, int port, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (task.Generation != Generation || IsFinished)
            {
                return new RegistrationOutcome.Stale(Generation);
            }

            var slot = Find(task.Role, task.Index);
            if (slot is null)
            {
                return new RegistrationOutcome.Unknown($"no task {task.Role}:{task.Index} in cluster {Id}");
            }

            slot.Address = $"{host}:{port}";
            slot.State = TaskState.Registered;
            slot.LastHeartbeat = now;
            var registered = Slots.Count(s => s.State == TaskState.Registered);
            if (registered < Slots.Count)
            {
                return new RegistrationOutcome.Pending(registered, Slots.Count);
            }

            _complete.TrySetResult();
            State = ClusterState.Running;
            return new RegistrationOutcome.Complete(SpecFor(slot));
        }
    }

    /// <summary>The spec of a task once the barrier is complete (used after a long-poll wakes up).</summary>
    public RegistrationOutcome Poll(TaskIdentity task)
    {
        lock (_gate)
        {
            if (task.Generation != Generation || IsFinished)
            {
                return new RegistrationOutcome.Stale(Generation);
            }

            var slot = Find(task.Role, task.Index);
            if (slot is null)
            {
                return new RegistrationOutcome.Unknown($"no task {task.Role}:{task.Index} in cluster {Id}");
            }

            var registered = Slots.Count(s => s.State == TaskState.Registered);
            return _complete.Task.IsCompletedSuccessfully
                ? new RegistrationOutcome.Complete(SpecFor(slot))
                : new RegistrationOutcome.Pending(registered, Slots.Count);
        }
    }

    /// <summary>Completes when the current generation's barrier is complete (cancelled on restart).</summary>
    public Task WhenRegistered()
    {
        lock (_gate)
        {
            return _complete.Task;
        }
    }

    /// <summary>Liveness + progress; answers with the slot's pending command (Stop for a stale generation).</summary>
    public TaskCommand Heartbeat(HeartbeatRequest hb, DateTimeOffset now)
    {
        lock (_gate)
        {
            var slot = Find(hb.Task.Role, hb.Task.Index);
            if (hb.Task.Generation != Generation || slot is null)
            {
                return TaskCommand.Stop;
            }

            slot.LastHeartbeat = now;
            slot.Step = hb.Step;
            slot.Epoch = hb.Epoch;
            if (hb.CheckpointStep >= 0 && hb.CheckpointStep != slot.CheckpointStep)
            {
                slot.CheckpointStep = hb.CheckpointStep;
                slot.CheckpointEpoch = hb.Epoch;
                slot.CheckpointAt = now;
            }

            if (IsRankZero(slot))
            {
                _clock.Observe(hb.Epoch, now);
            }

            slot.Metrics = hb.Metrics;
            if (IsRankZero(slot) && hb.Metrics.Count > 0)
            {
                _history.Add(new MetricPoint(hb.Step, hb.Epoch, hb.Metrics));
            }

            var cmd = slot.PendingCommand;
            if (cmd == TaskCommand.Checkpoint)
            {
                slot.PendingCommand = TaskCommand.None;
            }

            return cmd;
        }
    }

    /// <summary>Final report of a task; rank 0's metrics become the trial's final metrics.</summary>
    public void Result(ResultRequest result)
    {
        lock (_gate)
        {
            var slot = Find(result.Task.Role, result.Task.Index);
            if (result.Task.Generation != Generation || slot is null)
            {
                return;
            }

            slot.Metrics = result.Metrics;
            // Kept apart from ExitReason: the container has not ended yet, and its end is reported once it does.
            slot.Report = new TaskReport(result.Succeeded, result.Message);
            slot.FinishedTraining = result.Succeeded;
            if (IsRankZero(slot) && result.Succeeded)
            {
                FinalMetrics = result.Metrics;
            }
        }
    }

    /// <summary>Asks every live task to checkpoint (preemption) or stop (early stop, teardown).</summary>
    public void Command(TaskCommand command, Func<TaskSlot, bool>? which = null)
    {
        lock (_gate)
        {
            foreach (var s in Slots.Where(s => s.State is TaskState.Launched or TaskState.Registered && (which?.Invoke(s) ?? true)))
            {
                s.PendingCommand = command;
            }
        }
    }

    /// <summary>Live tasks silent for longer than <paramref name="timeout"/>; a task that reported success is only waiting to exit.</summary>
    public IReadOnlyList<TaskSlot> Hung(DateTimeOffset now, TimeSpan timeout)
    {
        lock (_gate)
        {
            return [.. Slots.Where(s => s.State == TaskState.Registered && !s.FinishedTraining && now - s.LastHeartbeat > timeout)];
        }
    }

    private bool IsRankZero(TaskSlot slot)
    {
        var first = TfConfig.RankedRoles.FirstOrDefault(r => Slots.Any(s => s.Role == r));
        return first is null ? slot.Index == 0 : slot.Role == first && slot.Index == 0;
    }

    private ClusterSpecResponse SpecFor(TaskSlot slot) =>
        ClusterSpecBuilder.For(ClusterSpecBuilder.ClusterMap(Slots), slot.Role, slot.Index, resume: Generation > 0);
}
