using System.Net;
using System.Net.Sockets;
using System.Text;
using YarnDL.WebHdfs;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Rest;

/// <summary>A DataNode that refuses a large upload answers 403 and closes while the body is still being sent (its
/// WebHdfsHandler creates the file before reading the body); the client reports that answer, not a network failure.</summary>
public sealed class WebHdfsUploadRefusalTests
{
    // A RemoteException as a DataNode relays it from the NameNode's RPC answer: the message carries the server stack.
    private const string Refusal = """{"RemoteException":{"exception":"AccessControlException","javaClassName":"org.apache.hadoop.security.AccessControlException","message":"Permission denied: user=bob, access=WRITE, inode=\"/user/alice\":alice:supergroup:drwxr-xr-x\n\tat org.apache.hadoop.hdfs.server.namenode.FSPermissionChecker.check(FSPermissionChecker.java:506)\n\tat org.apache.hadoop.hdfs.server.namenode.FSPermissionChecker.checkPermission(FSPermissionChecker.java:346)\n"}}""";

    [Fact]
    public async Task A_403_sent_mid_body_reaches_the_caller_with_its_exception_and_without_the_stack()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = RefuseAfterHeadersAsync(listener);
        var nn = new ScriptedHandler().On(r => r.RequestUri!.Query.Contains("op=CREATE", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri($"http://127.0.0.1:{port}/webhdfs/v1/user/alice/big?op=CREATE&user.name=bob&namenoderpcaddress=nn:8020&createflag=&createparent=true&overwrite=false") } }
            : null);
        var client = new WebHdfsClient(new HttpClient(nn), new Uri("http://nn:9870"), "bob");

        var e = await Assert.ThrowsAsync<WebHdfsException>(() => client.CreateAsync("/user/alice/big", new byte[32 * 1024 * 1024], overwrite: false));
        await server;

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal("AccessControlException", e.ExceptionName);
        Assert.False(e.IsUnavailable);
        Assert.Contains("Permission denied: user=bob, access=WRITE", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FSPermissionChecker", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
    }

    private static async Task RefuseAfterHeadersAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptSocketAsync();
        var buffer = new byte[64 * 1024];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer);
            if (n == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        var body = Encoding.UTF8.GetBytes(Refusal);
        var head = $"HTTP/1.1 403 Forbidden\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray());
        socket.Shutdown(SocketShutdown.Both);
        socket.Close(); // with unread body bytes pending: the client's send is reset
    }

    [Fact]
    public void A_100_Continue_ahead_of_the_answer_is_skipped()
    {
        // Bytes a Hadoop 3.4.1 DataNode sent for a CREATE without Expect: its WebHdfsHandler writes 100 Continue first.
        var raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nlocation: hdfs://127.0.0.1:8020/tmp/rawcheck.txt\r\n"
            + "content-length: 0\r\naccess-control-allow-origin: *\r\nconnection: close\r\n\r\n";

        var answer = DataNodeUpload.Parse(Encoding.ASCII.GetBytes(raw));

        Assert.NotNull(answer);
        Assert.Equal(201, answer.Status);
        Assert.Equal("hdfs://127.0.0.1:8020/tmp/rawcheck.txt", answer.Header("Location"));
        Assert.Equal(string.Empty, answer.Body);
    }
}
