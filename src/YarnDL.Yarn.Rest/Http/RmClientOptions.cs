namespace YarnDL.Yarn.Rest.Http;

/// <summary>How to reach and authenticate to the ResourceManager(s).</summary>
public sealed record RmClientOptions
{
    /// <summary>RM web base URLs (<c>http://rm1:8088</c>), in HA order.</summary>
    public required IReadOnlyList<Uri> Endpoints { get; init; }

    /// <summary>Simple auth: sent as <c>user.name</c>; null sends none (SPNEGO or delegation token).</summary>
    public string? User { get; init; }

    /// <summary>Kerberos only: the caller sends no <see cref="User"/>. (An RM's Negotiate challenge is answered from the
    /// ticket cache either way.)</summary>
    public bool UseSpnego { get; init; }

    /// <summary>RM delegation token (URL-safe string), sent as <c>X-Hadoop-Delegation-Token</c>.</summary>
    public string? DelegationToken { get; init; }

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = RmClientDefaults.AttemptTimeout;

    /// <summary>Timeout of one logical call including retries and failovers.</summary>
    public TimeSpan TotalTimeout { get; init; } = RmClientDefaults.TotalTimeout;

    /// <summary>Retries after the first attempt (connection errors, 5xx, standby without an active RM).</summary>
    public int MaxRetries { get; init; } = RmClientDefaults.MaxRetries;

    /// <summary>Base delay of the jittered exponential back-off (zero in tests).</summary>
    public TimeSpan RetryDelay { get; init; } = RmClientDefaults.RetryDelay;

    /// <summary>Delay between polls of a pending kill (202).</summary>
    public TimeSpan KillPollInterval { get; init; } = RmClientDefaults.KillPollInterval;

    /// <summary>Checks bounds once; lists every violation.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Endpoints.Count == 0)
        {
            errors.Add("at least one RM endpoint is required");
        }

        errors.AddRange(Endpoints.Where(e => !e.IsAbsoluteUri || (e.Scheme != Uri.UriSchemeHttp && e.Scheme != Uri.UriSchemeHttps))
            .Select(e => $"RM endpoint '{e}' must be an absolute http(s) URL"));
        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            errors.Add("timeouts must be positive and the total timeout at least the attempt timeout");
        }

        if (MaxRetries < 0 || RetryDelay < TimeSpan.Zero)
        {
            errors.Add("retries and retry delay must not be negative");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid RM client options: " + string.Join("; ", errors));
        }
    }
}
