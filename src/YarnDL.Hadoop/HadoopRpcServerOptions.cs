using System.Net;

namespace YarnDL.Hadoop;

/// <summary>Knobs of <see cref="HadoopRpcServer"/>.</summary>
public sealed record HadoopRpcServerOptions
{
    /// <summary>Address to listen on; loopback by default.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Largest accepted request frame (<c>ipc.maximum.data.length</c>, 128 MiB).</summary>
    public int MaxDataLength { get; init; } = 134_217_728;

    /// <summary>Accept SIMPLE (auth byte 0). The RM scheduler port and NMs refuse it.</summary>
    public bool AllowSimple { get; init; } = true;

    /// <summary>TOKEN secret lookup: identifier bytes to password bytes, null when unknown. Null disables TOKEN.</summary>
    public Func<byte[], byte[]?>? TokenSecretLookup { get; init; }

    /// <summary>Maps an authenticated token identifier to the connection user (default: Base64 of the identifier).</summary>
    public Func<byte[], string>? TokenUser { get; init; }

    /// <summary>SASL protection offered to TOKEN clients (<c>hadoop.rpc.protection</c>, see <see cref="RpcProtection.Parse"/>);
    /// a client that meets none of it is refused. Authentication only by default.</summary>
    public IReadOnlyList<SaslQop> Protection { get; init; } = RpcProtection.Default;

    /// <summary>Version each registered protocol answers to.</summary>
    public ulong ProtocolVersion { get; init; } = 1;
}
