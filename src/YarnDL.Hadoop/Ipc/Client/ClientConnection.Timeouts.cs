namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>Call timeouts with one timer per connection instead of one per call: every call has the same timeout, so the
/// timer is due when the oldest outstanding call expires. It is armed when a call finds it idle; when it fires, it fails
/// the calls whose time is up and re-arms itself for the oldest of the rest. A call answered meanwhile leaves the timer
/// alone: the next firing finds nothing expired and moves on to the then-oldest call, so a busy connection costs one
/// sweep of its outstanding calls per timeout period, and each call still times out at its own deadline.</summary>
internal sealed partial class ClientConnection
{
    /// <summary>Shortest re-arm, for a timer that fired a little before the oldest call's deadline.</summary>
    private static readonly TimeSpan MinimumRearm = TimeSpan.FromMilliseconds(1);

    private ITimer? _timeoutTimer;

    /// <summary>Whether the timeout timer is due (guarded by <c>_pendingLock</c>).</summary>
    private bool _timeoutArmed;

    /// <summary>Arms the timer for a call just added, unless it is already due (for an older call); under <c>_pendingLock</c>.</summary>
    private void ArmTimeoutLocked()
    {
        if (!_timeoutArmed && _options.CallTimeout != Timeout.InfiniteTimeSpan && _timeoutTimer is not null)
        {
            _timeoutArmed = true;
            _timeoutTimer.Change(_options.CallTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void SweepTimeouts()
    {
        var time = _options.TimeProvider;
        var timeout = _options.CallTimeout;
        List<IPendingCall>? expired = null;
        lock (_pendingLock)
        {
            _timeoutArmed = false;
            var now = time.GetTimestamp();
            var oldest = long.MaxValue;
            foreach (var call in _pending.Values)
            {
                if (time.GetElapsedTime(call.StartedAt, now) >= timeout)
                {
                    (expired ??= []).Add(call);
                }
                else
                {
                    oldest = Math.Min(oldest, call.StartedAt);
                }
            }

            if (expired is not null)
            {
                foreach (var call in expired)
                {
                    _pending.Remove(call.CallId);
                }
            }

            if (oldest != long.MaxValue && IsOpen)
            {
                _timeoutArmed = true;
                var left = timeout - time.GetElapsedTime(oldest, now);
                _timeoutTimer?.Change(left > MinimumRearm ? left : MinimumRearm, Timeout.InfiniteTimeSpan);
            }
        }

        if (expired is null)
        {
            return;
        }

        foreach (var call in expired)
        {
            call.Fail(new HadoopConnectionException($"Call {call.Method} (id {call.CallId}) timed out after {timeout}."));
        }
    }
}
