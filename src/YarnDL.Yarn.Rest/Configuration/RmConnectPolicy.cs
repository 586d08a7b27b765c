using System.Globalization;

namespace YarnDL.Yarn.Rest.Configuration;

/// <summary>
/// How long a client keeps trying a ResourceManager that does not answer (restart, failover), as Hadoop's RMProxy does:
/// <c>yarn.resourcemanager.connect.max-wait.ms</c> (default 900000; -1 waits forever) with a fixed sleep of
/// <c>yarn.resourcemanager.connect.retry-interval.ms</c> (default 30000) between tries.
/// </summary>
public sealed record RmConnectPolicy(TimeSpan? MaxWait, TimeSpan RetryInterval)
{
    public const string MaxWaitProperty = "yarn.resourcemanager.connect.max-wait.ms";
    public const string RetryIntervalProperty = "yarn.resourcemanager.connect.retry-interval.ms";

    /// <summary>Hadoop's defaults: 15 minutes, a try every 30 seconds.</summary>
    public static readonly RmConnectPolicy Default = new(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30));

    /// <summary>From the yarn-site.xml under YARN_CONF_DIR / HADOOP_CONF_DIR, else <see cref="Default"/>.</summary>
    /// <exception cref="FormatException">A value that is not a number of milliseconds (the file and property are named).</exception>
    public static RmConnectPolicy Resolve(Func<string, string?> getEnv)
    {
        var site = RmEndpointResolver.FindYarnSite(getEnv);
        return site is null ? Default : From(site.Value.Properties, site.Value.Path);
    }

    /// <summary>From yarn-site properties (name → value).</summary>
    public static RmConnectPolicy From(IReadOnlyDictionary<string, string?> props, string file)
    {
        var wait = Millis(props, MaxWaitProperty, file);
        var interval = Millis(props, RetryIntervalProperty, file);
        if (wait < -1 || interval < 0)
        {
            var (name, value) = wait < -1 ? (MaxWaitProperty, wait) : (RetryIntervalProperty, interval!.Value);
            throw new FormatException($"{file}: {name} = {value} is negative ({MaxWaitProperty} may be -1 to wait forever; otherwise milliseconds >= 0)");
        }

        return new RmConnectPolicy(
            wait is null ? Default.MaxWait : wait == -1 ? null : TimeSpan.FromMilliseconds(wait.Value),
            interval is null ? Default.RetryInterval : TimeSpan.FromMilliseconds(interval.Value));
    }

    private static long? Millis(IReadOnlyDictionary<string, string?> props, string name, string file)
    {
        if (!props.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{file}: {name} = '{text}' is not a number of milliseconds");
    }
}
