using Microsoft.Extensions.Logging;

namespace YarnDL.AppMaster.Rm;

internal sealed partial class AmRmClient
{
    /// <summary>One allocate round trip. On ApplicationMasterNotRegistered or AM_RESYNC it re-registers,
    /// re-queues every ask, release and blacklist entry and retries once.</summary>
    public async Task<HeartbeatOutcome> HeartbeatAsync(float progress, CancellationToken ct)
    {
        if (_registration is null)
        {
            throw new InvalidOperationException("register before the first heartbeat");
        }

        var resynced = false;
        AllocateCall call;
        AllocateResult result;
        while (true)
        {
            call = BuildCall(progress);
            try
            {
                result = await rm.AllocateAsync(call, ct);
            }
            catch (RmNotRegisteredException e) when (!resynced)
            {
                log.LogWarning("RM lost our registration ({Message}); re-registering and resending all requests", e.Message);
                await ResyncAsync(ct);
                resynced = true;
                continue;
            }

            if (result.Command == AmCommand.Resync && !resynced)
            {
                log.LogWarning("RM asked for a resync; re-registering and resending all requests");
                await ResyncAsync(ct);
                resynced = true;
                continue;
            }

            break;
        }

        return Accept(call, result) with { Resynced = resynced };
    }

    private AllocateCall BuildCall(float progress)
    {
        lock (_gate)
        {
            return new AllocateCall(
                ResponseId,
                Math.Clamp(progress, 0f, 1f),
                _asks.Pending(),
                [.. _releaseToSend],
                [.. _blacklistAdd],
                [.. _blacklistRemove]);
        }
    }

    private async Task ResyncAsync(CancellationToken ct)
    {
        var (host, port, url) = _registration!.Value;
        lock (_gate)
        {
            _releaseToSend.UnionWith(_pendingRelease);
            _blacklistAdd.UnionWith(_blacklist);
            _blacklistRemove.Clear();
            _asks.MarkAllChanged();
        }

        await RegisterAsync(host, port, url, ct);
    }

    private HeartbeatOutcome Accept(AllocateCall call, AllocateResult result)
    {
        if (!result.AmRmToken.IsEmpty)
        {
            rm.UpdateAmRmToken(result.AmRmToken);
        }

        NmTokens.Update(result.NmTokens);
        Maximum.Update(result.UpdatedNodes);
        var allocated = new List<AllocatedContainer>();
        var surplus = new List<AllocatedContainer>();
        var recovered = new List<AllocatedContainer>();
        var completed = new List<CompletedContainer>();
        lock (_gate)
        {
            ResponseId = result.ResponseId;
            _asks.Sent(call.Asks);
            _releaseToSend.ExceptWith(call.Releases);
            _blacklistAdd.ExceptWith(call.BlacklistAdditions);
            _blacklistRemove.ExceptWith(call.BlacklistRemovals);

            foreach (var c in result.Allocated.Where(c => _seen.Add(c.ContainerId)))
            {
                var key = new AskKey(c.Priority, c.AllocationRequestId);
                if (_asks.Remove(key, 1) == 1)
                {
                    allocated.Add(c);
                }
                else
                {
                    surplus.Add(c);
                    if (_pendingRelease.Add(c.ContainerId))
                    {
                        _releaseToSend.Add(c.ContainerId);
                    }
                }
            }

            recovered.AddRange(result.FromPreviousAttempts.Where(c => _seen.Add(c.ContainerId)));
            foreach (var c in result.Completed)
            {
                if (!_pendingRelease.Remove(c.ContainerId))
                {
                    completed.Add(c);
                }
            }
        }

        if (surplus.Count > 0)
        {
            log.LogInformation("Releasing {Count} surplus containers", surplus.Count);
        }

        return new HeartbeatOutcome
        {
            Allocated = allocated,
            Surplus = surplus,
            Completed = completed,
            Recovered = recovered,
            Preempted = result.PreemptedContainers,
            UpdatedNodes = result.UpdatedNodes,
            ShutdownRequested = result.Command == AmCommand.Shutdown,
        };
    }
}
