using System.Net.Sockets;
using System.Text;

namespace YarnDL.WebHdfs;

/// <summary>The second CREATE step (PUT of the bytes to the DataNode) over a plain socket. A DataNode that refuses an
/// upload (permission denied, file exists) answers at once and closes the connection while the body is still being
/// sent; HttpClient then only reports the broken send. Here the response is read concurrently with the send, and
/// when it arrives (or the send breaks) the answer the DataNode gave is what the caller sees.</summary>
internal static class DataNodeUpload
{
    private const int Chunk = 64 * 1024;

    /// <exception cref="IOException">No answer at all (connection refused, reset before any response).</exception>
    public static async Task<DataNodeResponse> PutAsync(Uri location, byte[] content, CancellationToken ct)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(location.Host, location.Port, ct).ConfigureAwait(false);
        var stream = tcp.GetStream();
        var head = $"PUT {location.PathAndQuery} HTTP/1.1\r\nHost: {location.Authority}\r\nContent-Type: application/octet-stream\r\n"
            + $"Content-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        using var readCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = ReadAllAsync(stream, readCts.Token);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct).ConfigureAwait(false);
            for (var offset = 0; offset < content.Length && !reading.IsCompleted; offset += Chunk)
            {
                await stream.WriteAsync(content.AsMemory(offset, Math.Min(Chunk, content.Length - offset)), ct).ConfigureAwait(false);
            }
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            // The DataNode stopped reading: its answer (if any) is in what it sent before closing.
        }

        var raw = await reading.ConfigureAwait(false);
        return Parse(raw) ?? throw new IOException($"the DataNode at {location.Authority} closed the connection without an HTTP answer");
    }

    private static async Task<byte[]> ReadAllAsync(NetworkStream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var block = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(block, ct).ConfigureAwait(false)) > 0)
            {
                buffer.Write(block, 0, n);
                if (IsComplete(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // reset after (part of) the answer: keep what came
        }

        return buffer.ToArray();
    }

    private static bool IsComplete(ReadOnlySpan<byte> raw)
    {
        raw = SkipInterim(raw);
        var end = raw.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var headers = Encoding.ASCII.GetString(raw[..end]);
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase) && long.TryParse(line[15..].Trim(), out var length))
            {
                return raw.Length - end - 4 >= length;
            }
        }

        return false;
    }

    /// <summary>
    /// Drops interim 1xx responses ahead of the final one. A DataNode's WebHdfsHandler writes <c>100 Continue</c> before
    /// every CREATE and APPEND whether or not the request asked for it (RFC 9110: a client must accept such responses).
    /// </summary>
    private static ReadOnlySpan<byte> SkipInterim(ReadOnlySpan<byte> raw)
    {
        while (raw.StartsWith("HTTP/1.1 1"u8) || raw.StartsWith("HTTP/1.0 1"u8))
        {
            var end = raw.IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                break;
            }

            raw = raw[(end + 4)..];
        }

        return raw;
    }

    internal static DataNodeResponse? Parse(byte[] raw)
    {
        var span = SkipInterim(raw);
        var end = span.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(span[..end]).Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(statusLine[1], out var status))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        var body = span[(end + 4)..];
        if (headers.TryGetValue("content-length", out var cl) && int.TryParse(cl, out var length) && length < body.Length)
        {
            body = body[..length];
        }
        else if (headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new DataNodeResponse(status, statusLine.Length > 2 ? statusLine[2] : string.Empty, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(body[..lineEnd]).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            body = body[(lineEnd + 2)..];
            var take = Math.Min(size, body.Length);
            output.Write(body[..take]);
            body = body[take..];
            if (body.Length >= 2)
            {
                body = body[2..];
            }
        }

        return output.ToArray();
    }
}
