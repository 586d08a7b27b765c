using System.Text.Json.Serialization;

namespace YarnDL.Yarn.Rest.Submission;

/// <summary>JAXB map form <c>{"entry":[{"key":…,"value":…}]}</c>.</summary>
public sealed class EntryMap<TValue>
{
    [JsonPropertyName("entry")]
    public List<KeyValueEntry<TValue>> Entry { get; init; } = [];
}

/// <summary>Builds <see cref="EntryMap{TValue}"/> instances.</summary>
public static class EntryMap
{
    public static EntryMap<TValue> From<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs) =>
        new() { Entry = pairs.Select(p => new KeyValueEntry<TValue> { Key = p.Key, Value = p.Value }).ToList() };
}

/// <summary>One entry of <see cref="EntryMap{TValue}"/>.</summary>
public sealed class KeyValueEntry<TValue>
{
    [JsonPropertyName("key")] public string Key { get; init; } = string.Empty;
    [JsonPropertyName("value")] public TValue? Value { get; init; }
}
