namespace YarnDL.Hadoop;

/// <summary>Named defaults of <see cref="HadoopRpcClientOptions"/>, Hadoop's own where Hadoop has one.</summary>
public static class HadoopRpcClientDefaults
{
    /// <summary><c>ipc.client.rpc-timeout.ms</c> as YARN's clients use it.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Connect plus SASL handshake (<c>ipc.client.connect.timeout</c> is 20 s).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);

    /// <summary><c>ipc.ping.interval</c>.</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(60);

    /// <summary><c>ipc.maximum.response.length</c> (128 MiB).</summary>
    public const int MaxResponseLength = 134_217_728;

    /// <summary>The version every YARN protocol sends in its request header.</summary>
    public const ulong ProtocolVersion = 1;
}
