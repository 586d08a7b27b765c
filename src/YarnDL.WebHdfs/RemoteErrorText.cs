using System.Text.Json;

namespace YarnDL.WebHdfs;

/// <summary>Reads Hadoop's <c>{"RemoteException":{…}}</c> error body. A DataNode passes on the NameNode's RPC error, whose
/// message carries the server's Java stack trace; only the lines before the first <c>at …</c> frame are kept.</summary>
internal static class RemoteErrorText
{
    public static (string? Exception, string? Message) Parse(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("RemoteException", out var re))
            {
                var name = re.TryGetProperty("exception", out var e) ? e.GetString() : null;
                var message = re.TryGetProperty("message", out var m) ? m.GetString() : null;
                return (name, message is null ? null : WithoutStackTrace(message));
            }
        }
        catch (JsonException)
        {
            // not JSON after all
        }

        return (null, null);
    }

    /// <summary>The message up to its first stack frame (<c>\tat org…</c>), trimmed.</summary>
    public static string WithoutStackTrace(string message)
    {
        var kept = new List<string>();
        foreach (var line in message.Split('\n'))
        {
            var t = line.Trim();
            if (t.StartsWith("at ", StringComparison.Ordinal) || t.StartsWith("... ", StringComparison.Ordinal) || t.StartsWith("Caused by:", StringComparison.Ordinal))
            {
                break;
            }

            if (t.Length > 0)
            {
                kept.Add(t);
            }
        }

        return string.Join(' ', kept);
    }
}
