using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager.AmProtocol;

/// <summary>ApplicationMasterProtocol semantics (register / allocate / finish, response_id rules, resync), independent of the wire.</summary>
internal sealed class AmService(RmCore rm)
{
    private const string Pkg = "org.apache.hadoop.yarn.exceptions.";
    private readonly object _gate = new();
    private readonly Dictionary<string, (int Last, AllocateReply? Cached)> _attempts = new(StringComparer.Ordinal);

    public RegisterReply Register(string attemptId, string host, int rpcPort, string? trackingUrl)
    {
        var appId = AppOf(attemptId);
        lock (_gate)
        {
            if (_attempts.TryGetValue(attemptId, out var s) && s.Last >= 0)
                throw new RmRequestException(400, Pkg + "InvalidApplicationMasterRequestException", $"Application Master is already registered : {appId}");
            _attempts[attemptId] = (0, null);
        }

        rm.RegisterAttempt(appId, host, rpcPort, trackingUrl);
        return rm.Read(v =>
        {
            var app = v.Rm.GetAppLocked(appId);
            var previous = app.KeepContainers
                ? v.Nodes.SelectMany(n => n.Containers).Where(c => c.AppId == appId && !c.IsAm && c.AttemptNumber < app.CurrentAttempt!.Number).ToList()
                : [];
            return new RegisterReply(v.Rm.MaximumAllocation, app.Queue, previous, previous.Select(c => c.Node.NodeId).Distinct().ToList())
            {
                GpusUnbounded = v.Rm.ReportsConfiguredMaximum,
            };
        });
    }

    public AllocateReply Allocate(string attemptId, AllocateCall call)
    {
        var appId = AppOf(attemptId);
        lock (_gate)
        {
            var last = _attempts.TryGetValue(attemptId, out var s) ? s.Last : -1;
            if (last < 0)
                throw new RmRequestException(400, Pkg + "ApplicationMasterNotRegisteredException",
                    $"AM is not registered for known application attempt: {attemptId} or RM had restarted after AM registered. AM should re-register.");
            if (Next(call.ResponseId) == last && s.Cached is not null) return s.Cached;
            if (call.ResponseId != last)
                throw new RmRequestException(400, Pkg + "InvalidApplicationMasterRequestException",
                    $"Invalid responseId in AllocateRequest from application attempt: {attemptId}, expect responseId to be {last}, but get {call.ResponseId}");

            rm.SetProgress(appId, call.Progress);
            var result = rm.Allocate(appId, call.Asks, call.Releases, call.BlacklistAdditions, call.BlacklistRemovals);
            var reply = new AllocateReply(Next(last), result);
            _attempts[attemptId] = (reply.ResponseId, reply);
            return reply;
        }
    }

    /// <summary>Returns isUnregistered (always true here: the final state is persisted at once).</summary>
    public bool Finish(string attemptId, string finalStatus, string diagnostics, string? trackingUrl)
    {
        lock (_gate)
        {
            if (!_attempts.TryGetValue(attemptId, out var s) || s.Last < 0)
                throw new RmRequestException(400, Pkg + "ApplicationMasterNotRegisteredException",
                    $"Application Master is trying to unregister before registering for: {attemptId}");
        }

        rm.UnregisterAttempt(AppOf(attemptId), finalStatus, diagnostics, trackingUrl);
        return true;
    }

    /// <summary>Work-preserving RM restart: every attempt is back to "not registered" and must resync.</summary>
    public void ForgetRegistrations()
    {
        lock (_gate)
        {
            foreach (var key in _attempts.Keys.ToList()) _attempts[key] = (-1, null);
        }
    }

    internal static int Next(int x) => (x + 1) & 0x7FFFFFFF;

    private string AppOf(string attemptId)
    {
        var parts = attemptId.Split('_');
        if (parts.Length != 4 || parts[0] != "appattempt" || !long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var ts)
            || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var seq) || !int.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var n))
            throw new RmRequestException(400, Pkg + "ApplicationAttemptNotFoundException", $"Invalid application attempt id {attemptId}");
        var appId = YarnIds.App(ts, seq);
        var current = rm.Read(v => v.Apps.FirstOrDefault(a => a.Id == appId)?.CurrentAttempt?.Number);
        if (current != n)
            throw new RmRequestException(400, Pkg + "ApplicationAttemptNotFoundException", $"Application attempt {attemptId} doesn't exist in ApplicationMasterService cache.");
        return appId;
    }
}
