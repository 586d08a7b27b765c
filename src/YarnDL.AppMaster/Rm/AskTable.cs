namespace YarnDL.AppMaster.Rm;

/// <summary>Outstanding asks as totals per key, and the keys changed since the last successful allocate.</summary>
internal sealed class AskTable
{
    private readonly Dictionary<AskKey, ResourceAsk> _asks = [];
    private readonly HashSet<AskKey> _changed = [];
    private bool _constrainedSentLast;

    public int Outstanding(AskKey key) => _asks.TryGetValue(key, out var a) ? a.NumContainers : 0;

    public int TotalOutstanding => _asks.Values.Sum(a => a.NumContainers);

    /// <summary>Wants <paramref name="count"/> more containers of this shape for this key.</summary>
    public void Add(AskKey key, Capability capability, int count, string? nodeLabel, ConstrainedPlacement? placement = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = Outstanding(key);
        _asks[key] = new ResourceAsk(key, capability, current + count, nodeLabel, placement);
        _changed.Add(key);
    }

    /// <summary>Wants <paramref name="count"/> fewer (never below zero); returns how many were actually removed.</summary>
    public int Remove(AskKey key, int count)
    {
        if (!_asks.TryGetValue(key, out var ask) || ask.NumContainers == 0)
        {
            return 0;
        }

        var removed = Math.Min(count, ask.NumContainers);
        _asks[key] = ask with { NumContainers = ask.NumContainers - removed };
        _changed.Add(key);
        return removed;
    }

    /// <summary>Cancels every ask of the key (sends 0 once).</summary>
    public void Cancel(AskKey key) => Remove(key, int.MaxValue);

    /// <summary>The asks to send now (changed keys only, current totals). The CapacityScheduler adds a call's
    /// SchedulingRequests only when its ResourceRequests change nothing (<c>updateResourceRequests(ask) ||
    /// updateSchedulingRequests(srs)</c>, and any ANY request counts as a change), so one call carries either the changed
    /// plain asks or the changed constrained ones; when both wait they take turns, and what waits stays changed.</summary>
    public IReadOnlyList<ResourceAsk> Pending()
    {
        var changed = _changed.Select(k => _asks[k]).ToList();
        var constrained = changed.Where(a => a.Placement is not null).ToList();
        if (constrained.Count == 0 || constrained.Count == changed.Count)
        {
            return changed;
        }

        return _constrainedSentLast ? [.. changed.Where(a => a.Placement is null)] : constrained;
    }

    /// <summary>After a successful allocate: forget sent keys; keys that went to zero are dropped.</summary>
    public void Sent(IReadOnlyCollection<ResourceAsk> sent)
    {
        if (sent.Count > 0)
        {
            _constrainedSentLast = sent.Any(a => a.Placement is not null);
        }

        foreach (var s in sent)
        {
            _changed.Remove(s.Key);
            if (_asks.TryGetValue(s.Key, out var now) && now.NumContainers == 0 && s.NumContainers == 0)
            {
                _asks.Remove(s.Key);
            }
        }
    }

    /// <summary>Resync: every known key is sent again with its current total.</summary>
    public void MarkAllChanged() => _changed.UnionWith(_asks.Keys);
}
