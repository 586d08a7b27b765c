using System.Globalization;

namespace YarnDL.AppMaster.Startup;

/// <summary>The AM's application attempt, derived from its own CONTAINER_ID (the string forms of YARN ids).</summary>
internal sealed record AttemptIdentity(long ClusterTimestamp, int ApplicationNumber, int AttemptNumber)
{
    public string ApplicationId => string.Create(CultureInfo.InvariantCulture, $"application_{ClusterTimestamp}_{ApplicationNumber:D4}");

    public string AttemptId => string.Create(CultureInfo.InvariantCulture, $"appattempt_{ClusterTimestamp}_{ApplicationNumber:D4}_{AttemptNumber:D6}");

    /// <summary>Parses <c>container_[eNN_]ts_app_attempt_seq</c>.</summary>
    public static AttemptIdentity FromContainerId(string containerId)
    {
        var parts = containerId.Split('_');
        var offset = parts.Length == 6 && parts[1].StartsWith('e') ? 1 : 0;
        if (parts[0] != "container" || parts.Length != 5 + offset
            || !long.TryParse(parts[1 + offset], NumberStyles.None, CultureInfo.InvariantCulture, out var ts)
            || !int.TryParse(parts[2 + offset], NumberStyles.None, CultureInfo.InvariantCulture, out var app)
            || !int.TryParse(parts[3 + offset], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt))
        {
            throw new FormatException($"'{containerId}' is not a YARN container id");
        }

        return new AttemptIdentity(ts, app, attempt);
    }
}
