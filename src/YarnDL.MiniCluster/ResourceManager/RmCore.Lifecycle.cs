using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

internal sealed partial class RmCore
{
    /// <summary>The AM container ended: finish, retry with a new attempt, or fail the application.</summary>
    private string? AmContainerFinishedLocked(AppRecord app, ContainerRecord am)
    {
        var attempt = app.Attempts.FirstOrDefault(a => a.Number == am.AttemptNumber);
        if (attempt is null || attempt != app.CurrentAttempt) return null;
        attempt.FinishTime = Now;

        if (app.State == AppStates.Killing)
        {
            KillAttemptContainersLocked(app, attempt, ExitStatus.KilledByResourceManager);
            attempt.State = "KILLED";
            FinishLocked(app, AppStates.Killed, "KILLED", app.Diagnostics);
            return app.Id;
        }

        if (attempt.Unregistered)
        {
            attempt.State = "FINISHED";
            KillAttemptContainersLocked(app, attempt, ExitStatus.KilledAfterAppCompletion);
            // Whatever final status the AM reported, the application state is FINISHED (RMAppImpl).
            FinishLocked(app, AppStates.Finished, app.FinalStatus, app.Diagnostics);
            return app.Id;
        }

        attempt.State = "FAILED";
        var why = $"AM Container for {attempt.Id} exited with  exitCode: {am.ExitStatus}\nFailing this attempt.Diagnostics: {am.Diagnostics}";
        if (!app.KeepContainers) KillAttemptContainersLocked(app, attempt, ExitStatus.KilledByResourceManager);
        if (app.Attempts.Count(CountsTowardsMaxAttempts) < app.MaxAttempts)
        {
            app.Diagnostics = why;
            StartAttemptLocked(app);
            return app.Id;
        }

        FinishLocked(app, AppStates.Failed, "FAILED",
            $"Application {app.Id} failed {app.MaxAttempts} times due to {why}. Failing the application.");
        return app.Id;
    }

    /// <summary>RMAppAttemptImpl.shouldCountTowardsMaxAttemptRetry: an attempt whose AM container was preempted,
    /// aborted (lost node, released), lost its disks or was killed by the RM is retried without using up an attempt.</summary>
    private static bool CountsTowardsMaxAttempts(AttemptRecord attempt) =>
        attempt.State == "FAILED" && attempt.AmContainer?.ExitStatus is not
            (ExitStatus.Preempted or ExitStatus.Aborted or ExitStatus.DisksFailed or ExitStatus.KilledByResourceManager);

    private void FinishLocked(AppRecord app, string state, string finalStatus, string diagnostics)
    {
        app.State = state;
        app.FinalStatus = finalStatus;
        app.Diagnostics = diagnostics;
        app.FinishTime = Now;
        if (state != AppStates.Finished || finalStatus != "SUCCEEDED") return;
        app.Progress = 1;
    }

    private void KillAttemptContainersLocked(AppRecord app, AttemptRecord attempt, int status)
    {
        foreach (var c in _nodes.SelectMany(n => n.Containers).Where(c => c.AppId == app.Id && c.AttemptNumber == attempt.Number && !c.IsAm).ToList())
        {
            if (c.State == "COMPLETE" || c.PendingKillStatus is not null) continue;
            c.PendingKillStatus = status;
            if (c.State == "NEW")
            {
                // Allocated but never started: nothing to kill, it completes right away.
                c.State = "COMPLETE";
                c.ExitStatus = status;
                c.Node.Release(c);
                CompletedContainers.Add(c);
                continue;
            }

            _ = c.Process?.KillAsync(Options.KillGracePeriod);
        }
    }

    /// <summary>registerApplicationMaster: the attempt becomes RUNNING (used by the IPC service and by tests in-process).</summary>
    public void RegisterAttempt(string appId, string host, int rpcPort, string? trackingUrl)
    {
        lock (_gate)
        {
            var app = GetAppLocked(appId);
            var attempt = app.CurrentAttempt ?? throw RmRequestException.BadRequest("no attempt");
            attempt.Registered = true;
            attempt.State = "RUNNING";
            app.State = app.State == AppStates.Accepted ? AppStates.Running : app.State;
            app.TrackingUrl = string.IsNullOrEmpty(trackingUrl) ? null : trackingUrl;
            app.AmRpcAddress = $"{host}:{rpcPort}";
        }

        Notify(appId);
    }

    /// <summary>finishApplicationMaster: records the final status; the app completes when the AM container exits.</summary>
    public void UnregisterAttempt(string appId, string finalStatus, string diagnostics, string? trackingUrl)
    {
        lock (_gate)
        {
            var app = GetAppLocked(appId);
            var attempt = app.CurrentAttempt ?? throw RmRequestException.BadRequest("no attempt");
            attempt.Unregistered = true;
            app.FinalStatus = finalStatus;
            app.Diagnostics = attempt.DiagnosticsPrefix + diagnostics;
            if (!string.IsNullOrEmpty(trackingUrl)) app.TrackingUrl = trackingUrl;
            app.State = AppStates.FinalSaving;
        }

        Notify(appId);
    }

    public void SetProgress(string appId, float progress)
    {
        lock (_gate) GetAppLocked(appId).Progress = Math.Clamp(progress, 0, 1);
    }

    /// <summary>Kill as PUT /state does. Returns the RMAppState after the request.</summary>
    public string Kill(string appId, string? diagnostics, string user)
    {
        ContainerRecord? am;
        lock (_gate)
        {
            var app = GetAppLocked(appId);
            if (app.IsTerminal) return app.State;
            app.Diagnostics = string.IsNullOrEmpty(diagnostics) ? $"Application {appId} was killed by user {user}" : diagnostics;
            am = app.CurrentAttempt?.AmContainer;
            if (am is null || am.State == "COMPLETE")
            {
                FinishLocked(app, AppStates.Killed, "KILLED", app.Diagnostics);
                am = null;
            }
            else
            {
                app.State = AppStates.Killing;
            }
        }

        if (am is not null) KillContainer(am, ExitStatus.KilledByResourceManager, "Container killed by the ResourceManager");
        Notify(appId);
        return Read(v => v.Rm.GetAppLocked(appId).State);
    }
}
