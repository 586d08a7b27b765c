namespace YarnDL.AppMaster.Failures;

/// <summary>Counts failures per node; a node reaching <see cref="Threshold"/> failures should be blacklisted.</summary>
internal sealed class NodeHealth(int threshold)
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public int Threshold { get; } = threshold;

    /// <summary>Records one failure; true exactly once, when the node crosses the threshold.</summary>
    public bool RecordFailure(string node)
    {
        var n = _failures.GetValueOrDefault(node) + 1;
        _failures[node] = n;
        return n == Threshold;
    }

    public int Failures(string node) => _failures.GetValueOrDefault(node);
}
