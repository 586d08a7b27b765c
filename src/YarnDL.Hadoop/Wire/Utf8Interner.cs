using System.Text;

namespace YarnDL.Hadoop.Wire;

/// <summary>
/// A small, bounded cache of strings keyed by the bytes they were decoded from, for the values that repeat from one
/// message to the next (host names, <c>*</c>, resource names, token kinds): a hit costs no allocation. Direct-mapped:
/// each key has one slot, and a new key evicts whatever held it, so memory stays bounded whatever the input. Safe for
/// concurrent use: a slot holds an immutable entry that is replaced whole.
/// </summary>
public sealed class Utf8Interner
{
    /// <summary>Keys longer than this are decoded afresh every time (they rarely repeat, and would evict those that do).</summary>
    public const int MaxKeyBytes = 128;

    /// <summary>Makes the value of a key seen for the first time (or evicted since).</summary>
    public delegate string Factory(ReadOnlySpan<byte> key);

    private static readonly Factory Utf8 = static key => Encoding.UTF8.GetString(key);

    private readonly Entry?[] _slots;

    /// <param name="capacity">Number of slots, a power of two.</param>
    public Utf8Interner(int capacity = 256)
    {
        if (capacity <= 0 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be a positive power of two.");
        }

        _slots = new Entry?[capacity];
    }

    /// <summary>The string <paramref name="utf8"/> encodes.</summary>
    public string Get(ReadOnlySpan<byte> utf8) => Get(utf8, Utf8);

    /// <summary>The value <paramref name="factory"/> makes of <paramref name="key"/>, cached; the factory must give equal
    /// values for equal keys (a static lambda: a capturing one would allocate on every call).</summary>
    public string Get(ReadOnlySpan<byte> key, Factory factory)
    {
        if (key.Length > MaxKeyBytes)
        {
            return factory(key);
        }

        var hash = new HashCode();
        hash.AddBytes(key);
        var slot = hash.ToHashCode() & (_slots.Length - 1);
        var entry = Volatile.Read(ref _slots[slot]);
        if (entry is not null && key.SequenceEqual(entry.Key))
        {
            return entry.Value;
        }

        var value = factory(key);
        Volatile.Write(ref _slots[slot], new Entry(key.ToArray(), value));
        return value;
    }

    private sealed record Entry(byte[] Key, string Value);
}
