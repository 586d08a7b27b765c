using Microsoft.Extensions.Logging;

namespace YarnDL.AppMaster.Rm;

/// <summary>The AM side of ApplicationMasterProtocol, like Hadoop's AMRMClientImpl: totals per key, response_id
/// sequencing, release and blacklist bookkeeping that survives a resync, duplicate filtering and token rolling.
/// Calls are serialized by the caller (one heartbeat at a time); mutators are safe from any thread.</summary>
internal sealed partial class AmRmClient(IResourceManager rm, TimeProvider time, ILogger<AmRmClient> log)
{
    private readonly Lock _gate = new();
    private readonly AskTable _asks = new();
    private readonly HashSet<string> _pendingRelease = new(StringComparer.Ordinal);
    private readonly HashSet<string> _releaseToSend = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blacklist = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blacklistAdd = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blacklistRemove = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private (string Host, int Port, string Url)? _registration;

    /// <summary>response_id to send with the next allocate.</summary>
    public int ResponseId { get; private set; }

    public bool IsRegistered => _registration is not null;

    public NmTokenCache NmTokens { get; } = new();

    /// <summary>The largest container the cluster grants, from registrations and the nodes allocate responses report.</summary>
    public ClusterMaximum Maximum { get; } = new();

    public IReadOnlyCollection<string> Blacklisted
    {
        get
        {
            lock (_gate)
            {
                return [.. _blacklist];
            }
        }
    }

    public async Task<RegistrationResult> RegisterAsync(string host, int rpcPort, string trackingUrl, CancellationToken ct)
    {
        var result = await rm.RegisterAsync(host, rpcPort, trackingUrl, ct);
        Maximum.Registered(result.MaximumCapability);
        lock (_gate)
        {
            _registration = (host, rpcPort, trackingUrl);
            ResponseId = 0;
            NmTokens.Update(result.NmTokensFromPreviousAttempts);
            foreach (var c in result.ContainersFromPreviousAttempts)
            {
                _seen.Add(c.ContainerId);
            }
        }

        log.LogInformation("Registered with the RM as {Host}:{Port}, max capability {Max}", host, rpcPort, Maximum);
        return result;
    }

    public int Outstanding(AskKey key)
    {
        lock (_gate)
        {
            return _asks.Outstanding(key);
        }
    }

    public void AddAsk(AskKey key, Capability capability, int count, string? nodeLabel, ConstrainedPlacement? placement = null)
    {
        lock (_gate)
        {
            _asks.Add(key, capability, count, nodeLabel, placement);
        }
    }

    public void CancelAsk(AskKey key)
    {
        lock (_gate)
        {
            _asks.Cancel(key);
        }
    }

    /// <summary>Gives a container back; it stays pending until the RM reports it completed.</summary>
    public void Release(string containerId)
    {
        lock (_gate)
        {
            if (_pendingRelease.Add(containerId))
            {
                _releaseToSend.Add(containerId);
            }
        }
    }

    public void Blacklist(string node)
    {
        lock (_gate)
        {
            if (_blacklist.Add(node))
            {
                _blacklistRemove.Remove(node);
                _blacklistAdd.Add(node);
            }
        }
    }

    public void Unblacklist(string node)
    {
        lock (_gate)
        {
            if (_blacklist.Remove(node))
            {
                _blacklistAdd.Remove(node);
                _blacklistRemove.Add(node);
            }
        }
    }
}
