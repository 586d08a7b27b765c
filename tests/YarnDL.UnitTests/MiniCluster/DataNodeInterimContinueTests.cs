using System.Net;
using System.Net.Sockets;
using System.Text;
using YarnDL.MiniCluster.WebHdfs;
using YarnDL.Testing.MiniCluster;
using YarnDL.WebHdfs;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary>Hadoop 3.4.1's WebHdfsHandler writes <c>HTTP/1.1 100 Continue</c> for every CREATE and APPEND before it
/// checks anything, unasked (no <c>Expect</c>); a real DataNode's bytes for a CREATE begin
/// <c>HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created</c>. The MiniCluster's DataNode answers on the wire the same way.</summary>
public sealed class DataNodeInterimContinueTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    private readonly string _dir = "/user/alice/continue-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_create_gets_100_continue_before_201_without_asking_for_it()
    {
        var raw = await ExchangeAsync("PUT", $"{_dir}/a.txt", "op=CREATE&overwrite=false", "abc");

        Assert.StartsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_create_still_gets_100_continue_first_because_the_datanode_checks_after_sending_it()
    {
        await ExchangeAsync("PUT", $"{_dir}/b.txt", "op=CREATE&overwrite=false", "one");

        var raw = await ExchangeAsync("PUT", $"{_dir}/b.txt", "op=CREATE&overwrite=false", "two");

        Assert.StartsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 403 Forbidden\r\n", raw, StringComparison.Ordinal);
        Assert.Contains("FileAlreadyExistsException", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_gets_no_interim_answer()
    {
        await ExchangeAsync("PUT", $"{_dir}/c.txt", "op=CREATE", "0123");

        var raw = await ExchangeAsync("GET", $"{_dir}/c.txt", "op=OPEN", body: null);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", raw, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n0123", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT /webhdfs/v1/x?op=CREATE&user.name=a HTTP/1.1\r\nHost: h", true)]
    [InlineData("PUT /webhdfs/v1/x?user.name=a&op=create HTTP/1.1", true)]
    [InlineData("POST /webhdfs/v1/x?op=APPEND HTTP/1.1", true)]
    [InlineData("GET /webhdfs/v1/x?op=OPEN HTTP/1.1", false)]
    [InlineData("GET /webhdfs/v1/x?op=CREATE HTTP/1.1", false)]
    [InlineData("PUT /webhdfs/v1/x HTTP/1.1", false)]
    [InlineData("", false)]
    public void Only_a_create_put_or_an_append_post_writes_a_block(string head, bool expected) =>
        Assert.Equal(expected, DataNodeInterimContinue.WritesABlock(head));

    /// <summary>One request on its own connection, as the WebHDFS clients send it to a DataNode (no <c>Expect</c>); the
    /// whole answer up to the DataNode closing the connection.</summary>
    private async Task<string> ExchangeAsync(string method, string path, string query, string? body)
    {
        using var http = new HttpClient();
        await new WebHdfsClient(http, fixture.Cluster.WebHdfsUri, "alice").MkdirsAsync(_dir);
        var dn = fixture.Cluster.WebHdfsDataNodeUri;
        var target = $"/webhdfs/v1{path}?{query}&user.name=alice&namenoderpcaddress={fixture.Cluster.WebHdfsUri.Authority}";
        var content = body is null ? string.Empty : $"Content-Length: {Encoding.ASCII.GetByteCount(body)}\r\n";
        var request = $"{method} {target} HTTP/1.1\r\nHost: {dn.Authority}\r\n{content}\r\n{body}";

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, dn.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var answer = new MemoryStream();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // fails, not hangs, if it never closes
        await stream.CopyToAsync(answer, deadline.Token);
        return Encoding.ASCII.GetString(answer.ToArray());
    }
}
