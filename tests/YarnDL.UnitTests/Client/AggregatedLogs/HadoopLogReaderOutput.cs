using System.Globalization;
using System.Text;

namespace YarnDL.UnitTests.Client.AggregatedLogs;

/// <summary>
/// Parses what Hadoop's <c>AggregatedLogFormat.LogReader</c> printed for a file: <c>owner=</c>, <c>acls=</c>, then per
/// container <c>=== container ID</c> and per log <c>LogType:</c>, <c>Log Upload Time:</c>, <c>LogLength:N</c>,
/// <c>Log Contents:</c>, N bytes, <c>\nEnd of LogType:T\n\n</c>. Lengths are bytes, so it walks the raw bytes.
/// </summary>
internal sealed class HadoopLogReaderOutput
{
    public string Owner { get; private set; } = "";

    public string Acls { get; private set; } = "";

    public List<(string Container, List<(string Type, long Length, byte[] Contents)> Logs)> Containers { get; } = [];

    public static HadoopLogReaderOutput Parse(byte[] text)
    {
        var result = new HadoopLogReaderOutput();
        var pos = 0;
        string Line()
        {
            var end = Array.IndexOf(text, (byte)'\n', pos);
            var line = Encoding.UTF8.GetString(text, pos, end - pos);
            pos = end + 1;
            return line;
        }

        result.Owner = Line()["owner=".Length..];
        result.Acls = Line()["acls=".Length..];
        while (pos < text.Length)
        {
            var line = Line();
            if (line.StartsWith("=== container ", StringComparison.Ordinal))
            {
                result.Containers.Add((line["=== container ".Length..], []));
                continue;
            }

            var type = line["LogType:".Length..];
            Line(); // Log Upload Time: the reader's clock, not the file's
            var length = long.Parse(Line()["LogLength:".Length..], CultureInfo.InvariantCulture);
            Line(); // Log Contents:
            var contents = text[pos..(pos + (int)length)];
            pos += (int)length;
            var end = Encoding.UTF8.GetBytes($"\nEnd of LogType:{type}\n\n");
            if (!text.AsSpan(pos).StartsWith(end))
            {
                throw new FormatException($"expected-logreader-output.txt: no end marker of {type} at byte {pos}");
            }

            pos += end.Length;
            result.Containers[^1].Logs.Add((type, length, contents));
        }

        return result;
    }
}
