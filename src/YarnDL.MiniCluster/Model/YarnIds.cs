using System.Globalization;

namespace YarnDL.MiniCluster.Model;

/// <summary>Hadoop's id string forms.</summary>
internal static class YarnIds
{
    public static string App(long clusterTs, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"application_{clusterTs}_{seq:D4}");

    public static string Attempt(long clusterTs, int appSeq, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"appattempt_{clusterTs}_{appSeq:D4}_{attempt:D6}");

    public static string Container(long clusterTs, int appSeq, int attempt, long seq, int epoch) => epoch > 0
        ? string.Create(CultureInfo.InvariantCulture, $"container_e{epoch:D2}_{clusterTs}_{appSeq:D4}_{attempt:D2}_{seq:D6}")
        : string.Create(CultureInfo.InvariantCulture, $"container_{clusterTs}_{appSeq:D4}_{attempt:D2}_{seq:D6}");

    /// <summary>Parses <c>application_&lt;ts&gt;_&lt;seq&gt;</c>; false on any other form.</summary>
    public static bool TryParseApp(string? text, out long clusterTs, out int seq)
    {
        clusterTs = 0;
        seq = 0;
        var parts = text?.Split('_');
        return parts is { Length: 3 } && parts[0] == "application"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out clusterTs)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out seq);
    }
}
