using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Failures;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.State;

namespace YarnDL.AppMaster.Job;

/// <summary>The AM loop: starts clusters, heartbeats the RM, launches containers, reacts to completions,
/// preemption, deadlines and hangs, and ends with one verdict. <see cref="TickAsync"/> is one iteration (tests drive it).</summary>
internal sealed partial class AmDriver(
    AmState state,
    AmRmClient rm,
    INodeManagers nms,
    LaunchSettings launch,
    DriverOptions options,
    TimeProvider time,
    ILogger<AmDriver> log)
{
    private readonly NodeHealth _nodes = new(options.NodeFailureThreshold);
    private readonly Dictionary<string, (ClusterSession Cluster, DateTimeOffset Deadline)> _preempting = new(StringComparer.Ordinal);
    private DateTimeOffset _startedAt;
    private string? _lastProgress;
    private int _heartbeatFailures;
    private bool _attemptGone;

    public AmState State => state;

    /// <summary>Where the state is persisted after every tick for the next AM attempt (null = nowhere).</summary>
    public AmStateStore? Store { get; set; }

    /// <summary>Receives one progress line whenever the summary changes (stdout in production).</summary>
    public TextWriter? ProgressOut { get; set; }

    /// <summary>Runs until the job is over; returns the verdict after unregistering.</summary>
    public async Task<Trials.JobVerdict> RunAsync(CancellationToken ct)
    {
        _startedAt = time.GetUtcNow();
        while (true)
        {
            var verdict = await TickAsync(ct);
            if (verdict.Finished)
            {
                return await FinishAsync(verdict, ct);
            }

            await Task.Delay(options.HeartbeatInterval, time, ct);
        }
    }

    /// <summary>One iteration: schedule, heartbeat, react, check watchdogs. Returns the job verdict so far.</summary>
    public async Task<Trials.JobVerdict> TickAsync(CancellationToken ct)
    {
        if (_startedAt == default)
        {
            _startedAt = time.GetUtcNow();
        }

        foreach (var c in state.Scheduler.ToStart())
        {
            StartCluster(c);
        }

        HeartbeatOutcome outcome;
        try
        {
            outcome = await rm.HeartbeatAsync(Progress(), ct);
            _heartbeatFailures = 0;
        }
        catch (RmAttemptGoneException e)
        {
            _attemptGone = true;
            return new Trials.JobVerdict(true, false, $"the RM no longer knows this attempt: {e.Message}");
        }
        catch (Hadoop.HadoopRemoteException e) when (!e.IsTransient)
        {
            // The RM answered but refused the request itself (not a transport problem): resending it cannot help.
            log.LogError("The RM refused the allocate request: {Class}: {Message}", e.ClassName, e.RemoteMessage);
            return new Trials.JobVerdict(true, false, AllocateRefused(e.ClassName, e.RemoteMessage));
        }
        catch (Exception e) when (IsTransient(e))
        {
            // The AMRM client kept every change; the next tick resends with the same response_id.
            _heartbeatFailures++;
            log.LogWarning("Heartbeat to the RM failed ({Count} in a row): {Message}", _heartbeatFailures, e.Message);
            return _heartbeatFailures >= options.MaxHeartbeatFailures
                ? new Trials.JobVerdict(true, false, $"the RM did not answer {_heartbeatFailures} heartbeats in a row: {e.Message}")
                : Trials.JobVerdict.Running;
        }

        if (outcome.ShutdownRequested)
        {
            _attemptGone = true;
            return new Trials.JobVerdict(true, false, "the RM asked the AM to shut down");
        }

        if (OnNodesUpdated(outcome.UpdatedNodes) is { } impossible)
        {
            return impossible;
        }

        await LaunchAllAsync(outcome.Allocated, ct);

        foreach (var c in outcome.Recovered)
        {
            rm.Release(c.ContainerId);
        }

        // Infrastructure losses first: a peer that crashed because its partner was preempted or lost in the same
        // heartbeat is then a container of an old generation, not a failure of its own.
        foreach (var done in outcome.Completed.OrderBy(c => ExitClassifier.Classify(c.ExitStatus) == ExitKind.Infrastructure ? 0 : 1))
        {
            await OnCompletedAsync(done, ct);
        }

        OnPreempted(outcome.Preempted);
        await WatchdogsAsync(ct);
        UpdateWaiting();

        if (Store is not null)
        {
            await Store.SaveAsync(state, ct);
        }

        ReportProgress();
        return JobDeadlineExceeded() ?? state.Scheduler.Verdict();
    }

    internal static string AllocateRefused(string className, string message) =>
        $"the RM refused the allocate request: {className[(className.LastIndexOf('.') + 1)..]}: {message}"
        + (message.Contains("placement", StringComparison.OrdinalIgnoreCase)
            ? " ('placement.anti-affinity' and 'node-attributes' are placement constraints: the job needs yarn.resourcemanager.placement-constraints.handler=scheduler with the CapacityScheduler on the ResourceManager: ask the cluster admin, or drop them from the job)"
            : string.Empty);

    /// <summary>A failure the next heartbeat may not meet: ours say so themselves; of the runtime's, transport failures.</summary>
    private static bool IsTransient(Exception e) =>
        e is YarnDLException { IsTransient: true } or IOException or System.Net.Sockets.SocketException or TimeoutException;

    private float Progress()
    {
        var total = state.Sessions.Count;
        return total == 0 ? 1f : state.Scheduler.FinishedCount / (float)total;
    }

    private Trials.JobVerdict? JobDeadlineExceeded() =>
        state.Plan.Deadlines.Job is { } limit && time.GetUtcNow() - _startedAt > limit
            ? new Trials.JobVerdict(true, false, $"job deadline of {limit} exceeded")
            : null;

    /// <summary>Ends the job without running it (e.g. asks above the RM's maximum); unregisters with the verdict.</summary>
    public Task<Trials.JobVerdict> AbortAsync(Trials.JobVerdict verdict, CancellationToken ct) => FinishAsync(verdict, ct);

    /// <summary>Stops what runs and unregisters with the verdict, its diagnostics followed by each trial's final line (what the
    /// RM keeps once the AM is gone, and what the CLI reads its summary from).</summary>
    private async Task<Trials.JobVerdict> FinishAsync(Trials.JobVerdict outcome, CancellationToken ct)
    {
        var verdict = outcome with { Diagnostics = state.Scheduler.WithTrials(outcome.Diagnostics) };
        state.Final = verdict;
        foreach (var s in state.Sessions)
        {
            await StopLiveAsync(s, null, ct);
        }

        log.LogInformation("Job {Name} finished: {Status}. {Diagnostics}", state.Plan.Name, verdict.Succeeded ? "SUCCEEDED" : "FAILED", verdict.Diagnostics);
        if (_attemptGone)
        {
            return verdict;
        }

        await rm.UnregisterAsync(verdict.Succeeded ? FinalStatus.Succeeded : FinalStatus.Failed, verdict.Diagnostics, options.UnregisterRetry, ct);

        // Unregistered: no further attempt will read the state, so the staging directory goes (as MapReduce's AM does).
        if (Store is not null)
        {
            await Store.DeleteDirectoryAsync(ct);
        }

        return verdict;
    }

    private void ReportProgress()
    {
        var line = "progress: " + string.Join(", ", Enum.GetValues<ClusterState>()
            .Select(s => (State: s, Count: state.Scheduler.CountOf(s)))
            .Where(g => g.Count > 0)
            .Select(g => $"{g.Count} {g.State.ToString().ToLowerInvariant()}"))
            + (state.Waiting is { } w ? $"; {w}" : string.Empty);
        if (line != _lastProgress)
        {
            _lastProgress = line;
            ProgressOut?.WriteLine(line);
        }
    }

    private void UpdateWaiting()
    {
        var waiting = state.Scheduler.Allocating
            .SelectMany(s => s.Slots.Where(t => t.State == TaskState.Requested).Select(t => s.Plan.Roles.First(r => r.Name == t.Role)))
            .ToList();
        var gpus = waiting.Sum(r => r.Gpus);
        state.Waiting = waiting.Count == 0 ? null
            : gpus > 0 ? $"waiting for {gpus} GPUs ({waiting.Count} containers)"
            : $"waiting for {waiting.Count} containers";
    }
}
