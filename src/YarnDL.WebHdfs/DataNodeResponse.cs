namespace YarnDL.WebHdfs;

/// <summary>What a DataNode answered to an upload: status line, headers (names lower-cased) and body text.</summary>
internal sealed record DataNodeResponse(int Status, string Reason, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
