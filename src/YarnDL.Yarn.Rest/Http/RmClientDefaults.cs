namespace YarnDL.Yarn.Rest.Http;

/// <summary>Named defaults of <see cref="RmClientOptions"/>.</summary>
public static class RmClientDefaults
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(2);
    public const int MaxRetries = 4;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan KillPollInterval = TimeSpan.FromSeconds(1);
    public static readonly Uri LocalRm = new("http://localhost:8088");

    /// <summary>Name of the IHttpClientFactory client.</summary>
    public const string HttpClientName = "yarndl-rm";

    /// <summary>Header carrying an RM delegation token.</summary>
    public const string DelegationTokenHeader = "X-Hadoop-Delegation-Token";
}
