namespace YarnDL.Hadoop.Ipc;

/// <summary>Fixed values of Hadoop IPC v9.</summary>
internal static class RpcConstants
{
    public const byte CurrentVersion = 9;
    public const byte ServiceClassDefault = 0;
    public const byte AuthNone = 0x00;
    public const byte AuthSasl = 0xDF;
    public const int AuthorizationFailedCallId = -1;
    public const int ConnectionContextCallId = -3;
    public const int PingCallId = -4;
    public const int SaslCallId = -33;
    public const int InvalidRetryCount = -1;
    public const int DefaultMaxDataLength = 134_217_728;
    public const uint ServerIpcVersion = 9;

    /// <summary>The ASCII bytes <c>hrpc</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "hrpc"u8;

    /// <summary>The 7-byte connection preamble for the given auth protocol byte.</summary>
    public static byte[] Preamble(byte authProtocol) =>
        [(byte)'h', (byte)'r', (byte)'p', (byte)'c', CurrentVersion, ServiceClassDefault, authProtocol];
}
