using System.Collections.Concurrent;

namespace YarnDL.AppMaster.Rm;

/// <summary>The latest NMToken per node id (host:port); the RM sends one only on the first allocation on a node or after a key roll.</summary>
internal sealed class NmTokenCache
{
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _tokens = new(StringComparer.Ordinal);

    public void Update(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> tokens)
    {
        foreach (var (node, token) in tokens)
        {
            _tokens[node] = token;
        }
    }

    public bool TryGet(string nodeId, out ReadOnlyMemory<byte> token) => _tokens.TryGetValue(nodeId, out token);

    public int Count => _tokens.Count;
}
