using YarnDL.AppMaster.Clusters;

namespace YarnDL.AppMaster.Trials;

/// <summary>How many clusters are in each state, which are allocating and where the first queued one is, kept up to date
/// from each cluster's <see cref="ClusterSession.StateChanged"/>. Thread-safe: the task API changes states too.</summary>
internal sealed class ClusterStateCounts
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<ClusterSession> _clusters;
    private readonly Dictionary<ClusterSession, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly int[] _counts = new int[Enum.GetValues<ClusterState>().Max(s => (int)s) + 1];
    private readonly SortedSet<int> _allocating = [];
    private int _firstQueued;

    public ClusterStateCounts(IReadOnlyList<ClusterSession> clusters)
    {
        _clusters = clusters;
        for (var i = 0; i < clusters.Count; i++)
        {
            var cluster = clusters[i];
            _index[cluster] = i;
            lock (_gate)
            {
                cluster.StateChanged = OnChanged;
                Add(cluster.State, i, +1);
            }
        }
    }

    public int Count(ClusterState state)
    {
        lock (_gate)
        {
            return _counts[(int)state];
        }
    }

    /// <summary>The allocating clusters in plan order.</summary>
    public IReadOnlyList<ClusterSession> Allocating()
    {
        lock (_gate)
        {
            return [.. _allocating.Select(i => _clusters[i])];
        }
    }

    /// <summary>Up to <paramref name="count"/> queued clusters in plan order.</summary>
    public IReadOnlyList<ClusterSession> FirstQueued(int count)
    {
        lock (_gate)
        {
            // Clusters leave Queued in plan order (or come back to it, which moves the cursor back), so the ones before
            // the cursor are never queued: the scan starts where the last one stopped.
            while (_firstQueued < _clusters.Count && _clusters[_firstQueued].State != ClusterState.Queued)
            {
                _firstQueued++;
            }

            var found = new List<ClusterSession>();
            for (var i = _firstQueued; i < _clusters.Count && found.Count < count && _counts[(int)ClusterState.Queued] > found.Count; i++)
            {
                if (_clusters[i].State == ClusterState.Queued)
                {
                    found.Add(_clusters[i]);
                }
            }

            return found;
        }
    }

    private void OnChanged(ClusterSession cluster, ClusterState from, ClusterState to)
    {
        var i = _index[cluster];
        lock (_gate)
        {
            Add(from, i, -1);
            Add(to, i, +1);
        }
    }

    private void Add(ClusterState state, int index, int delta)
    {
        _counts[(int)state] += delta;
        if (state == ClusterState.Allocating)
        {
            if (delta > 0)
            {
                _allocating.Add(index);
            }
            else
            {
                _allocating.Remove(index);
            }
        }

        if (state == ClusterState.Queued && delta > 0)
        {
            _firstQueued = Math.Min(_firstQueued, index);
        }
    }
}
