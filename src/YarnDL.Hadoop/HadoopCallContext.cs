using System.Net;

namespace YarnDL.Hadoop;

/// <summary>What a server handler knows about the caller.</summary>
public sealed class HadoopCallContext
{
    internal HadoopCallContext(string user, byte[]? tokenIdentifier, string protocol, string method, int callId, EndPoint? remoteEndPoint)
    {
        User = user;
        TokenIdentifier = tokenIdentifier;
        Protocol = protocol;
        Method = method;
        CallId = callId;
        RemoteEndPoint = remoteEndPoint;
    }

    /// <summary>Authenticated user (SIMPLE effective user, or the token user).</summary>
    public string User { get; }

    /// <summary>Identifier bytes of the token used for DIGEST-MD5; null for SIMPLE.</summary>
    public byte[]? TokenIdentifier { get; }

    public string Protocol { get; }

    public string Method { get; }

    public int CallId { get; }

    public EndPoint? RemoteEndPoint { get; }
}
