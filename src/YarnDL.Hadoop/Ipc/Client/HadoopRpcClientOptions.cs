namespace YarnDL.Hadoop;

/// <summary>Knobs of <see cref="HadoopRpcClient"/>; defaults follow Hadoop's.</summary>
public sealed record HadoopRpcClientOptions
{
    /// <summary>Per-call timeout (Hadoop <c>ipc.client.rpc-timeout.ms</c>, 120 s).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Connect + SASL handshake timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Ping after this much read silence while calls are outstanding (<c>ipc.ping.interval</c>, 60 s).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest accepted response frame (<c>ipc.maximum.response.length</c>).</summary>
    public int MaxResponseLength { get; init; } = 134_217_728;

    /// <summary>Protocol version sent in every request header (1 for the YARN protocols).</summary>
    public ulong ProtocolVersion { get; init; } = 1;

    /// <summary>Acceptable SASL protection for TOKEN connections in order of preference (<c>hadoop.rpc.protection</c>,
    /// see <see cref="RpcProtection.Parse"/>); the first the server offers is used. Authentication only by default.</summary>
    public IReadOnlyList<SaslQop> Protection { get; init; } = RpcProtection.Default;

    /// <summary>Clock used for timeouts and pings.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
