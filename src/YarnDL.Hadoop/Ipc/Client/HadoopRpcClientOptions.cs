namespace YarnDL.Hadoop;

/// <summary>Knobs of <see cref="HadoopRpcClient"/>; defaults in <see cref="HadoopRpcClientDefaults"/>, following Hadoop's.</summary>
public sealed record HadoopRpcClientOptions
{
    /// <summary>Per-call timeout (Hadoop <c>ipc.client.rpc-timeout.ms</c>, 120 s).</summary>
    public TimeSpan CallTimeout { get; init; } = HadoopRpcClientDefaults.CallTimeout;

    /// <summary>Connect + SASL handshake timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = HadoopRpcClientDefaults.ConnectTimeout;

    /// <summary>Ping after this much read silence while calls are outstanding (<c>ipc.ping.interval</c>, 60 s).</summary>
    public TimeSpan PingInterval { get; init; } = HadoopRpcClientDefaults.PingInterval;

    /// <summary>Largest accepted response frame (<c>ipc.maximum.response.length</c>).</summary>
    public int MaxResponseLength { get; init; } = HadoopRpcClientDefaults.MaxResponseLength;

    /// <summary>Protocol version sent in every request header (1 for the YARN protocols).</summary>
    public ulong ProtocolVersion { get; init; } = HadoopRpcClientDefaults.ProtocolVersion;

    /// <summary>Acceptable SASL protection for TOKEN connections in order of preference (<c>hadoop.rpc.protection</c>,
    /// see <see cref="RpcProtection.Parse"/>); the first the server offers is used. Authentication only by default.</summary>
    public IReadOnlyList<SaslQop> Protection { get; init; } = RpcProtection.Default;

    /// <summary>Clock used for timeouts and pings.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks bounds once, as the client is built; lists every violation.</summary>
    /// <exception cref="ArgumentException">A timeout or interval is not positive, the response limit is not positive, or
    /// no protection level is acceptable.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        foreach (var (name, value) in new[] { ("call timeout", CallTimeout), ("connect timeout", ConnectTimeout), ("ping interval", PingInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{name} must be positive (is {value})");
            }
        }

        if (MaxResponseLength <= 0)
        {
            errors.Add($"maximum response length must be positive (is {MaxResponseLength})");
        }

        if (Protection.Count == 0)
        {
            errors.Add("at least one SASL protection level (authentication, integrity, privacy) is required");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid Hadoop RPC client options: " + string.Join("; ", errors));
        }
    }
}
