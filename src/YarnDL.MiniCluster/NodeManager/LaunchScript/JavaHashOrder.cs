namespace YarnDL.MiniCluster.NodeManager.LaunchScript;

/// <summary>
/// The iteration order of a <c>java.util.HashMap&lt;String, ?&gt;</c> filled one key at a time with default capacity and
/// load factor: by bucket (<c>String.hashCode</c> spread as <c>h ^ (h &gt;&gt;&gt; 16)</c>, masked by the table size), then by
/// insertion within a bucket. The NodeManager writes the user's environment in this order, so reproducing it makes
/// our launch scripts match the ones a real NodeManager writes.
/// </summary>
internal static class JavaHashOrder
{
    private const int DefaultCapacity = 16;

    public static IReadOnlyList<string> Of(IReadOnlyList<string> keysInInsertionOrder)
    {
        var capacity = TableSize(keysInInsertionOrder.Count);
        return keysInInsertionOrder
            .Select((key, index) => (key, index, bucket: Spread(StringHashCode(key)) & (capacity - 1)))
            .OrderBy(e => e.bucket)
            .ThenBy(e => e.index)
            .Select(e => e.key)
            .ToList();
    }

    /// <summary>The table grows by doubling whenever the size exceeds three quarters of it.</summary>
    internal static int TableSize(int count)
    {
        var capacity = DefaultCapacity;
        while (count > capacity * 3 / 4)
        {
            capacity *= 2;
        }

        return capacity;
    }

    /// <summary><c>String.hashCode</c>: s[0]*31^(n-1) + … + s[n-1] over UTF-16 code units, in 32-bit arithmetic.</summary>
    internal static int StringHashCode(string s)
    {
        var h = 0;
        foreach (var c in s)
        {
            h = unchecked((31 * h) + c);
        }

        return h;
    }

    private static int Spread(int h) => h ^ (int)((uint)h >> 16);
}
