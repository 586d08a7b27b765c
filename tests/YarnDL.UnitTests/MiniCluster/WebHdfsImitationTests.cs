using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using YarnDL.Testing.MiniCluster;
using YarnDL.WebHdfs;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary>The MiniCluster's WebHDFS against what Hadoop 3.4.1's NamenodeWebHdfsMethods, WebHdfsHandler, the WebHDFS
/// ExceptionHandlers, FSDir*Op and FSPermissionChecker answer: redirects, headers, error classes, statuses, messages.</summary>
public sealed class WebHdfsImitationTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly string _dir = "/user/alice/imit-" + Guid.NewGuid().ToString("N")[..8];

    private Uri Nn => fixture.Cluster.WebHdfsUri;

    [Fact]
    public async Task Create_always_redirects_to_the_datanode_port_and_the_datanode_refuses_an_existing_file()
    {
        await PutFileAsync($"{_dir}/a.txt", "one");

        using var first = await SendAsync(HttpMethod.Put, $"{_dir}/a.txt", "op=CREATE&overwrite=false&permission=644&user.name=alice");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, first.StatusCode);
        Assert.Equal(0, first.Content.Headers.ContentLength);
        var location = first.Headers.Location!;
        Assert.Equal(fixture.Cluster.WebHdfsDataNodeUri.Authority, location.Authority);
        Assert.NotEqual(Nn.Authority, location.Authority);
        Assert.Equal($"?op=CREATE&user.name=alice&namenoderpcaddress={Nn.Authority}&createflag=&createparent=true&overwrite=false&permission=644", location.Query);

        using var second = await _http.PutAsync(location, new ByteArrayContent("two"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal("application/json; charset=utf-8", second.Content.Headers.ContentType!.ToString());
        await AssertRemoteAsync(second, "FileAlreadyExistsException", "org.apache.hadoop.fs.FileAlreadyExistsException", $"{_dir}/a.txt for client 127.0.0.1 already exists");
    }

    [Fact]
    public async Task Noredirect_answers_the_location_as_json_and_the_datanode_answers_201_with_an_hdfs_location()
    {
        using var first = await SendAsync(HttpMethod.Put, $"{_dir}/n.txt", "op=CREATE&noredirect=true&user.name=alice");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        var location = new Uri(JsonNode.Parse(await first.Content.ReadAsStringAsync())!["Location"]!.GetValue<string>());

        using var second = await _http.PutAsync(location, new ByteArrayContent("x"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(new Uri($"hdfs://{Nn.Authority}{_dir}/n.txt"), second.Headers.Location);
        Assert.Equal(0, second.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Open_redirects_and_honours_offset_length_and_noredirect()
    {
        await PutFileAsync($"{_dir}/o.txt", "0123456789");
        using var missing = await SendAsync(HttpMethod.Get, $"{_dir}/none", "op=OPEN&user.name=alice");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await AssertRemoteAsync(missing, "FileNotFoundException", "java.io.FileNotFoundException", $"File {_dir}/none not found.");

        using var open = await SendAsync(HttpMethod.Get, $"{_dir}/o.txt", "op=OPEN&offset=2&length=3&user.name=alice");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, open.StatusCode);
        Assert.Equal(fixture.Cluster.WebHdfsDataNodeUri.Authority, open.Headers.Location!.Authority);
        Assert.Equal("234", await _http.GetStringAsync(open.Headers.Location));

        using var json = await SendAsync(HttpMethod.Get, $"{_dir}/o.txt", "op=OPEN&noredirect=true&user.name=alice");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.StartsWith(fixture.Cluster.WebHdfsDataNodeUri.GetLeftPart(UriPartial.Authority), JsonNode.Parse(await json.Content.ReadAsStringAsync())!["Location"]!.GetValue<string>(), StringComparison.Ordinal);

        using var beyond = await SendAsync(HttpMethod.Get, $"{_dir}/o.txt", "op=OPEN&offset=10&user.name=alice");
        await AssertRemoteAsync(beyond, "IOException", "java.io.IOException", $"Offset=10 out of the range [0, 10); OPEN, path={_dir}/o.txt");
    }

    [Fact]
    public async Task Other_users_and_anonymous_requests_meet_hdfs_permission_checks()
    {
        await PutFileAsync($"{_dir}/secret", "s", permission: "600");

        using var bobMkdir = await SendAsync(HttpMethod.Put, $"{_dir}/bob", "op=MKDIRS&user.name=bob");
        Assert.Equal(HttpStatusCode.Forbidden, bobMkdir.StatusCode);
        await AssertRemoteAsync(bobMkdir, "AccessControlException", "org.apache.hadoop.security.AccessControlException",
            $"Permission denied: user=bob, access=WRITE, inode=\"{_dir}\":alice:alice:drwxr-xr-x");

        using var anonymous = await SendAsync(HttpMethod.Put, $"{_dir}/anon", "op=MKDIRS");
        await AssertRemoteAsync(anonymous, "AccessControlException", "org.apache.hadoop.security.AccessControlException",
            $"Permission denied: user=dr.who, access=WRITE, inode=\"{_dir}\":alice:alice:drwxr-xr-x");

        using var open = await SendAsync(HttpMethod.Get, $"{_dir}/secret", "op=OPEN&user.name=bob");
        using var read = await _http.GetAsync(open.Headers.Location);
        await AssertRemoteAsync(read, "AccessControlException", "org.apache.hadoop.security.AccessControlException",
            $"Permission denied: user=bob, access=READ, inode=\"{_dir}/secret\":alice:alice:-rw-------");

        using var rename = await SendAsync(HttpMethod.Put, $"{_dir}/secret", $"op=RENAME&destination=/tmp/stolen&renameoptions=OVERWRITE&user.name=bob");
        await AssertRemoteAsync(rename, "AccessControlException", "org.apache.hadoop.security.AccessControlException",
            $"Permission denied: user=bob, access=WRITE, inode=\"{_dir}\":alice:alice:drwxr-xr-x");
    }

    [Fact]
    public async Task Paths_are_decoded_once_and_file_ids_are_inode_numbers()
    {
        var client = new WebHdfsClient(_http, Nn, "alice");
        var name = $"{_dir}/sp ace%25x+y.txt";
        await client.CreateAsync(name, "z"u8.ToArray(), overwrite: false);

        var status = await StatusAsync(name);
        Assert.Equal(1, status["length"]!.GetValue<long>());
        Assert.True(status["fileId"]!.GetValue<long>() > 16385);
        Assert.NotEqual(status["fileId"]!.GetValue<long>(), (await StatusAsync(_dir))["fileId"]!.GetValue<long>());
        Assert.True(File.Exists(Path.Combine(fixture.Cluster.HdfsRoot, _dir.TrimStart('/'), "sp ace%25x+y.txt")));
    }

    [Fact]
    public async Task Errors_carry_hadoops_classes_statuses_and_messages_and_no_local_path()
    {
        await PutFileAsync($"{_dir}/f", "f");

        using var under = await SendAsync(HttpMethod.Put, $"{_dir}/f/sub", "op=MKDIRS&user.name=alice");
        Assert.Equal(HttpStatusCode.Forbidden, under.StatusCode);
        await AssertRemoteAsync(under, "ParentNotDirectoryException", "org.apache.hadoop.fs.ParentNotDirectoryException", $"{_dir}/f (is not a directory)");

        using var rename = await SendAsync(HttpMethod.Put, $"{_dir}/f", $"op=RENAME&destination={_dir}/nope/g&renameoptions=OVERWRITE&user.name=alice");
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        await AssertRemoteAsync(rename, "FileNotFoundException", "java.io.FileNotFoundException", $"rename destination parent {_dir}/nope/g not found.");
        Assert.False(Directory.Exists(Path.Combine(fixture.Cluster.HdfsRoot, _dir.TrimStart('/'), "nope")));

        using var status = await SendAsync(HttpMethod.Get, $"{_dir}/none", "op=GETFILESTATUS&user.name=alice");
        var body = await status.Content.ReadAsStringAsync();
        Assert.Equal("application/json", status.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain(fixture.Cluster.HdfsRoot, body, StringComparison.Ordinal);
        await AssertRemoteAsync(status, "FileNotFoundException", "java.io.FileNotFoundException", $"File does not exist: {_dir}/none");
    }

    [Fact]
    public async Task A_100_MB_create_streams_through_the_datanode()
    {
        var client = new WebHdfsClient(_http, Nn, "alice");
        await client.MkdirsAsync(_dir);
        await client.CreateAsync($"{_dir}/big", new byte[100 * 1024 * 1024], overwrite: false);

        Assert.Equal(100L * 1024 * 1024, (await StatusAsync($"{_dir}/big"))["length"]!.GetValue<long>());
    }

    private async Task PutFileAsync(string path, string text, string permission = "644")
    {
        var client = new WebHdfsClient(_http, Nn, "alice");
        await client.MkdirsAsync(_dir);
        await client.CreateAsync(path, Encoding.UTF8.GetBytes(text), overwrite: false, permission);
    }

    private async Task<JsonNode> StatusAsync(string path)
    {
        using var r = await SendAsync(HttpMethod.Get, path, "op=GETFILESTATUS&user.name=alice");
        return JsonNode.Parse(await r.Content.ReadAsStringAsync())!["FileStatus"]!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string query)
    {
        var encoded = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return await _http.SendAsync(new HttpRequestMessage(method, new Uri(Nn, $"/webhdfs/v1{encoded}?{query}")));
    }

    private static async Task AssertRemoteAsync(HttpResponseMessage r, string exception, string javaClass, string message)
    {
        var re = JsonNode.Parse(await r.Content.ReadAsStringAsync())!["RemoteException"]!;
        Assert.Equal(exception, re["exception"]!.GetValue<string>());
        Assert.Equal(javaClass, re["javaClassName"]!.GetValue<string>());
        Assert.Equal(message, re["message"]!.GetValue<string>());
    }
}
