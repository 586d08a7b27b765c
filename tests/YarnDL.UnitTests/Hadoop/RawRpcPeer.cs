using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>
/// A wire-level stand-in for a Hadoop server on 127.0.0.1:0 (no YarnDL server code): reads the preamble and request frames
/// as Hadoop's Server reads them and writes response frames by hand, so client behaviour is checked against Hadoop's wire format, not our encoder.
/// </summary>
internal sealed class RawRpcPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Socket? _socket;
    private NetworkStream? _stream;

    public RawRpcPeer() => _listener.Start();

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    private NetworkStream Stream => _stream ?? throw new InvalidOperationException("no client accepted yet");

    public async Task<byte[]> AcceptAsync(CancellationToken ct)
    {
        _socket = await _listener.AcceptSocketAsync(ct);
        _stream = new NetworkStream(_socket, ownsSocket: true);
        var preamble = new byte[7];
        await Stream.ReadExactlyAsync(preamble, ct);
        return preamble;
    }

    /// <summary>Reads one frame: the request header and the payload after it (still delimited).</summary>
    public async Task<(RpcRequestHeaderProto Header, byte[] Payload)> ReadFrameAsync(CancellationToken ct)
    {
        var len = new byte[4];
        await Stream.ReadExactlyAsync(len, ct);
        var body = new byte[BinaryPrimitives.ReadInt32BigEndian(len)];
        await Stream.ReadExactlyAsync(body, ct);
        var input = new MemoryStream(body);
        var header = RpcRequestHeaderProto.Parser.ParseDelimitedFrom(input);
        return (header, body[(int)input.Position..]);
    }

    /// <summary>Reads one frame as it came on the wire, its length prefix included.</summary>
    public async Task<byte[]> ReadRawFrameAsync(CancellationToken ct)
    {
        var len = new byte[4];
        await Stream.ReadExactlyAsync(len, ct);
        var frame = new byte[4 + BinaryPrimitives.ReadInt32BigEndian(len)];
        len.CopyTo(frame, 0);
        await Stream.ReadExactlyAsync(frame.AsMemory(4), ct);
        return frame;
    }

    /// <summary>Answers <paramref name="callId"/> with SUCCESS and <paramref name="response"/>.</summary>
    public async Task RespondAsync(uint callId, IMessage response, CancellationToken ct)
    {
        using var body = new MemoryStream();
        new RpcResponseHeaderProto { CallId = callId, Status = RpcResponseHeaderProto.Types.RpcStatusProto.Success, ServerIpcVersionNum = 9 }.WriteDelimitedTo(body);
        response.WriteDelimitedTo(body);
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, (int)body.Length);
        body.ToArray().CopyTo(frame, 4);
        await Stream.WriteAsync(frame, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _listener.Stop();
        _listener.Dispose();
    }
}
