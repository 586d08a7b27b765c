using System.Globalization;

namespace YarnDL.Client.AggregatedLogs;

/// <summary>
/// The directories an application's aggregated node files can be in, newest layout first (LogAggregationUtils):
/// <c>{dir}/{user}/bucket-{suffix}/{app sequence mod 10000, 4 digits}/{app id}</c> (Hadoop 3.3+), the older
/// <c>{dir}/{user}/{suffix}/{app id}</c>, and Hadoop 2's <c>{dir}/{user}/{nm suffix}/{app id}</c> when that differs.
/// Each holds one file per node, named <c>{host}_{port}</c>.
/// </summary>
public static class AggregatedLogLayout
{
    public static IReadOnlyList<string> AppDirectories(AggregatedLogSettings settings, string applicationId, string user)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.RootUri().AbsolutePath.TrimEnd('/');
        var userDir = $"{root}/{user}";
        var dirs = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{userDir}/bucket-{settings.ControllerSuffix}/{Sequence(applicationId) % 10000:D4}/{applicationId}"),
            $"{userDir}/{settings.ControllerSuffix}/{applicationId}",
        };
        var legacy = $"{userDir}/{settings.NodeManagerSuffix}/{applicationId}";
        if (!dirs.Contains(legacy))
        {
            dirs.Add(legacy);
        }

        return dirs;
    }

    /// <summary>The sequence number of <c>application_{clusterTimestamp}_{sequence}</c>.</summary>
    /// <exception cref="FormatException">Not an application id.</exception>
    public static int Sequence(string applicationId)
    {
        ArgumentNullException.ThrowIfNull(applicationId);
        return applicationId.Split('_') is ["application", _, var seq] && int.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"'{applicationId}' is not an application id (application_<cluster timestamp>_<sequence>)");
    }
}
