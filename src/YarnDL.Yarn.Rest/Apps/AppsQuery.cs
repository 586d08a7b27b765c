namespace YarnDL.Yarn.Rest.Apps;

/// <summary>Filters of <c>GET /ws/v1/cluster/apps</c>.</summary>
public sealed record AppsQuery
{
    public IReadOnlyList<string> States { get; init; } = [];
    public string? User { get; init; }
    public string? Queue { get; init; }
    public long? Limit { get; init; }
    public IReadOnlyList<string> ApplicationTypes { get; init; } = [];
    public IReadOnlyList<string> ApplicationTags { get; init; } = [];

    /// <summary>Query string (without <c>?</c>), heavy fields deselected.</summary>
    public string ToQueryString()
    {
        var parts = new List<string> { "deSelects=resourceRequests" };
        void Add(string k, string? v)
        {
            if (!string.IsNullOrEmpty(v))
            {
                parts.Add(k + "=" + Uri.EscapeDataString(v));
            }
        }

        Add("states", string.Join(",", States));
        Add("user", User);
        Add("queue", Queue);
        Add("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("applicationTypes", string.Join(",", ApplicationTypes));
        Add("applicationTags", string.Join(",", ApplicationTags));
        return string.Join("&", parts);
    }
}
