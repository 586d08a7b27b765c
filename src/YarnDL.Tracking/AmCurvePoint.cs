using System.Text.Json.Serialization;

namespace YarnDL.Tracking;

/// <summary>A trial's metrics at one reported step.</summary>
public sealed record AmCurvePoint
{
    private readonly IReadOnlyDictionary<string, double> _values = new Dictionary<string, double>();

    [JsonPropertyName("step")] public long Step { get; init; }

    [JsonPropertyName("epoch")] public int Epoch { get; init; }

    [JsonPropertyName("values")]
    public IReadOnlyDictionary<string, double> Values { get => _values; init => _values = value ?? new Dictionary<string, double>(); }
}
