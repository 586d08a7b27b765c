using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>
/// The DataNode's WebHdfsHandler writes <c>HTTP/1.1 100 Continue</c> as soon as it has the headers of a CREATE (PUT) or
/// APPEND (POST), whether or not the client sent <c>Expect: 100-continue</c>, and before it checks anything; the final
/// answer (201, or 403 for a refusal) follows. Kestrel has no way to send an unasked interim response, so this
/// connection middleware writes the same bytes ahead of Kestrel for the first request of a connection (the DataNode
/// closes every WebHDFS connection after one request).
/// </summary>
internal static class DataNodeInterimContinue
{
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();
    private static readonly byte[] EndOfHeaders = "\r\n\r\n"u8.ToArray();

    /// <summary>Most a request's headers may take before the middleware stops looking (Kestrel's own limit is 32 KiB).</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => connection => OnConnectionAsync(connection, next);

    private static async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var read = await input.ReadAsync(connection.ConnectionClosed).ConfigureAwait(false);
            var buffer = read.Buffer;
            var end = IndexOf(buffer, EndOfHeaders);
            if (end >= 0 || read.IsCompleted || buffer.Length > MaxHeaderBytes)
            {
                var head = end >= 0 ? Encoding.Latin1.GetString(buffer.Slice(0, end)) : string.Empty;
                input.AdvanceTo(buffer.Start); // nothing consumed: Kestrel reads the whole request itself
                if (WritesABlock(head))
                {
                    await connection.Transport.Output.WriteAsync(Continue, connection.ConnectionClosed).ConfigureAwait(false);
                }

                break;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }

        await next(connection).ConfigureAwait(false);
    }

    /// <summary>Whether the request line is <c>PUT …?op=CREATE</c> or <c>POST …?op=APPEND</c> (the op's value is matched
    /// ignoring case, as the handler does).</summary>
    internal static bool WritesABlock(string head)
    {
        var line = head.Split("\r\n", 2)[0].Split(' ');
        if (line.Length < 2 || line[1].IndexOf('?', StringComparison.Ordinal) is var q && q < 0)
        {
            return false;
        }

        var op = line[1][(q + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .FirstOrDefault(p => p.Length == 2 && p[0] == "op")?[1];
        return (line[0], op?.ToUpperInvariant()) is ("PUT", "CREATE") or ("POST", "APPEND");
    }

    private static long IndexOf(ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> value)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> before, value, advancePastDelimiter: false) ? before.Length : -1;
    }
}
