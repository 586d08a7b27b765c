using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Ipc.Client;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>Mutated frames against the server and client parsers: no crash, no hang, connection closed, server alive.</summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Server_survives_thousands_of_mutated_client_streams()
    {
        await using var server = new LoopbackServer();
        var valid = ValidSimpleStream();
        var random = new Random(1234);
        var tasks = new List<Task>();
        for (var i = 0; i < 2000; i++)
        {
            tasks.Add(SendAndDrainAsync(server.EndPoint, Mutate(valid, random)));
            if (tasks.Count == 16)
            {
                await Task.WhenAll(tasks).WaitAsync(Deadline);
                tasks.Clear();
            }
        }

        await Task.WhenAll(tasks).WaitAsync(Deadline);
        await using var client = server.TokenClient();
        var ok = await client.CallAsync("allocate", new AllocateRequestProto { ResponseId = 1 }, AllocateResponseProto.Parser).WaitAsync(Deadline);
        Assert.Equal(2, ok.ResponseId);
    }

    [Fact]
    public async Task Server_rejects_absurd_frame_length_without_allocating()
    {
        await using var server = new LoopbackServer();
        var frame = RpcConstants.Preamble(RpcConstants.AuthNone).Concat(new byte[] { 0x7f, 0xff, 0xff, 0xff }).ToArray();
        var reply = await SendAndDrainAsync(server.EndPoint, frame);
        var body = new FrameBody(reply.AsSpan(4));
        var header = body.Next(RpcResponseHeaderProto.Parser);
        Assert.Equal(RpcResponseHeaderProto.Types.RpcStatusProto.Fatal, header.Status);
    }

    [Fact]
    public async Task Bad_preamble_gets_version_mismatch()
    {
        await using var server = new LoopbackServer();
        var reply = await SendAndDrainAsync(server.EndPoint, "hrpc\u0008\u0000\u0000"u8.ToArray());
        var header = new FrameBody(reply.AsSpan(4)).Next(RpcResponseHeaderProto.Parser);
        Assert.Equal(HadoopExceptionNames.VersionMismatch, header.ExceptionClassName);
        Assert.Equal(RpcResponseHeaderProto.Types.RpcErrorCodeProto.FatalVersionMismatch, header.ErrorDetail);
        Assert.Equal(unchecked((uint)-1), header.CallId);
    }

    [Fact]
    public void Frame_body_parser_never_throws_unexpected_exceptions()
    {
        var random = new Random(7);
        var buffer = new byte[64];
        for (var i = 0; i < 20000; i++)
        {
            random.NextBytes(buffer);
            var length = random.Next(buffer.Length);
            try
            {
                var body = new FrameBody(buffer.AsSpan(0, length));
                body.Next(RpcResponseHeaderProto.Parser);
                body.Next(AllocateResponseProto.Parser);
            }
            catch (Exception ex) when (ex is HadoopConnectionException or Google.Protobuf.InvalidProtocolBufferException)
            {
            }
        }

        Assert.True(true, "no unexpected exception type escaped");
    }

    private static byte[] ValidSimpleStream()
    {
        var clientId = new byte[16];
        var context = RpcFrame.Build(ClientConnection.NewHeader(-3, clientId, -1),
            new IpcConnectionContextProto { Protocol = LoopbackServer.Protocol, UserInfo = new UserInformationProto { EffectiveUser = "fuzz" } });
        var call = RpcFrame.Build(ClientConnection.NewHeader(0, clientId, 0),
            new RequestHeaderProto { MethodName = "allocate", DeclaringClassProtocolName = LoopbackServer.Protocol, ClientProtocolVersion = 1 },
            new AllocateRequestProto { ResponseId = 4, Ask = { new ResourceRequestProto { ResourceName = "*", NumContainers = 2 } } });
        return [.. RpcConstants.Preamble(RpcConstants.AuthNone), .. context, .. call];
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var at = random.Next(bytes.Length - 4);
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at), random.Next(int.MinValue, int.MaxValue));
                return bytes;
            default:
                var garbage = new byte[random.Next(1, 40)];
                random.NextBytes(garbage);
                var cut = random.Next(bytes.Length);
                return [.. bytes[..cut], .. garbage, .. bytes[cut..]];
        }
    }

    private static async Task<byte[]> SendAndDrainAsync(IPEndPoint endPoint, byte[] data)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        try
        {
            await socket.SendAsync(data);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            return [];
        }

        using var received = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, n);
                Assert.True(received.Length < 1 << 20, "server sent unbounded data");
            }
        }
        catch (SocketException)
        {
        }

        return received.ToArray();
    }
}
