namespace YarnDL.MiniCluster.NodeManager;

/// <summary>What localization produced: links for the launch script (absolute target, link name relative to the
/// work dir) and <c>LOCALIZATION_COUNTERS</c> (bytes missed, bytes cached, files missed, files cached, milliseconds).</summary>
internal sealed record LocalizationResult(IReadOnlyList<KeyValuePair<string, string>> Links, string Counters);
