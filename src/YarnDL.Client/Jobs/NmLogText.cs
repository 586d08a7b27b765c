using System.Globalization;
using System.Text;

namespace YarnDL.Client.Jobs;

/// <summary>
/// The log itself out of a NodeManager's <c>/ws/v1/node/containerlogs/{container}/{file}</c> answer. A real NM wraps the
/// file (LogToolUtils): <c>Container: C on N</c>, <c>LogAggregationType: LOCAL</c>, a rule of '=', <c>LogType:</c>,
/// <c>LogLastModifiedTime:</c>, <c>LogLength:L</c>, <c>LogContents:</c>, then L bytes, then its own
/// <c>End of LogType:…</c> footer (and possibly the aggregated copy). An answer without that header is the file as is.
/// </summary>
public static class NmLogText
{
    private static readonly byte[] ContentsMarker = "\nLogContents:\n"u8.ToArray();

    public static byte[] Strip(byte[] answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!answer.AsSpan().StartsWith("Container: "u8))
        {
            return answer;
        }

        var marker = answer.AsSpan().IndexOf(ContentsMarker);
        if (marker < 0)
        {
            return answer;
        }

        var header = Encoding.UTF8.GetString(answer, 0, marker);
        var start = marker + ContentsMarker.Length;
        var lengthLine = header.Split('\n').LastOrDefault(l => l.StartsWith("LogLength:", StringComparison.Ordinal));
        var length = lengthLine is not null && long.TryParse(lengthLine["LogLength:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var l)
            ? (int)Math.Min(l, answer.Length - start)
            : answer.Length - start;
        return answer[start..(start + length)];
    }
}
