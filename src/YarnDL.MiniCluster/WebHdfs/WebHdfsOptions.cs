namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>Knobs of the imitated NameNode + DataNode.</summary>
internal sealed record WebHdfsOptions
{
    /// <summary>The HDFS superuser: the user who started the NameNode.</summary>
    public string Superuser { get; init; } = Environment.UserName;

    /// <summary>Who a request without <c>user.name</c> runs as (<c>hadoop.http.staticuser.user</c>, default dr.who).</summary>
    public string StaticUser { get; init; } = "dr.who";

    /// <summary>Users whose <c>/user/NAME</c> exists and is theirs at start, as an admin would have made them.</summary>
    public IReadOnlyList<string> HomeUsers { get; init; } = [];

    /// <summary>Added to each CREATE at the NameNode (a small CREATE takes about half a second on a real cluster).</summary>
    public TimeSpan CreateLatency { get; init; } = TimeSpan.Zero;
}
