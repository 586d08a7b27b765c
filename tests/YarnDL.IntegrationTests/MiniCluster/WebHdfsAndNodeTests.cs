using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>WebHDFS upload sequence, a localized resource reaching the AM, and the NM GPU endpoint.</summary>
public sealed class WebHdfsAndNodeTests(MiniClusterFixture fx) : IClassFixture<MiniClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Upload_sequence_then_the_am_sees_the_localized_file()
    {
        using var hdfs = RmHttp.Create(fx.Cluster.WebHdfsUri);
        var (mk, mkBody, _) = await hdfs.SendAsync(HttpMethod.Put, "webhdfs/v1/user/alice/.dljob/x?op=MKDIRS&permission=700&user.name=alice");
        Assert.Equal(HttpStatusCode.OK, mk);
        Assert.Equal("""{"boolean":true}""", mkBody!.ToJsonString());

        var (step1, _, r1) = await hdfs.SendAsync(HttpMethod.Put, "webhdfs/v1/user/alice/.dljob/x/bundle.txt?op=CREATE&overwrite=true&permission=600&user.name=alice");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, step1);
        using var put = new HttpRequestMessage(HttpMethod.Put, r1.Headers.Location) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("payload-42")) };
        var r2 = await hdfs.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, r2.StatusCode);

        var (st, status, _) = await hdfs.SendAsync(HttpMethod.Get, "webhdfs/v1/user/alice/.dljob/x/bundle.txt?op=GETFILESTATUS&user.name=alice");
        Assert.Equal(HttpStatusCode.OK, st);
        var fs = status!["FileStatus"]!;
        Assert.Equal("FILE", fs["type"]!.GetValue<string>());
        Assert.Equal(10, fs["length"]!.GetValue<long>());
        var mtime = fs["modificationTime"]!.GetValue<long>();

        var (missing, err, _) = await hdfs.SendAsync(HttpMethod.Get, "webhdfs/v1/nope?op=GETFILESTATUS");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("FileNotFoundException", err!["RemoteException"]!["exception"]!.GetValue<string>());

        var resources = $$$"""
            "local-resources": {"entry": [{"key": "bundle.txt", "value": {"resource": "hdfs://nn/user/alice/.dljob/x/bundle.txt", "type": "FILE", "visibility": "APPLICATION", "size": 10, "timestamp": {{{mtime}}}}}]},
            """;
        var body = Submissions.Shell("cat bundle.txt > <LOG_DIR>/seen; exit 5", maxAttempts: 1).Replace("\"environment\"", resources + "\"environment\"", StringComparison.Ordinal);
        var id = await fx.Http.SubmitAsync(body);
        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "FAILED");
        var seen = fx.Cluster.Nodes.Select(n => Path.Combine(n.LogDir, id)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "seen", SearchOption.AllDirectories)).Single();
        Assert.Equal("payload-42", File.ReadAllText(seen).Trim());

        var (del, delBody, _) = await hdfs.SendAsync(HttpMethod.Delete, "webhdfs/v1/user/alice/.dljob/x?op=DELETE&recursive=true&user.name=alice");
        Assert.Equal(HttpStatusCode.OK, del);
        Assert.Equal("""{"boolean":true}""", delBody!.ToJsonString());
    }

    [Fact]
    public async Task Changed_resource_timestamp_fails_the_container_like_fsdownload()
    {
        var path = Path.Combine(fx.Cluster.HdfsRoot, "ts-check.txt");
        await File.WriteAllTextAsync(path, "x");
        var resources = """
            "local-resources": {"entry": [{"key": "f", "value": {"resource": "hdfs://nn/ts-check.txt", "type": "FILE", "visibility": "APPLICATION", "size": 1, "timestamp": 1}}]},
            """;
        var id = await fx.Http.SubmitAsync(Submissions.Shell("exit 0", maxAttempts: 1).Replace("\"environment\"", resources + "\"environment\"", StringComparison.Ordinal));
        await fx.Cluster.WaitForAppStateAsync(id, Deadline, "FAILED");
        var (_, app, _) = await fx.Http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Contains("changed on src filesystem (expected 1, was", app!["app"]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nm_gpu_endpoint_writes_what_a_real_node_manager_under_the_default_container_executor_writes()
    {
        var node = fx.Cluster.Nodes[0];
        using var nm = RmHttp.Create(new Uri($"http://{node.Host}:{node.HttpPort}/"));
        var (status, body, _) = await nm.SendAsync(HttpMethod.Get, "ws/v1/node/resources/yarn.io%2Fgpu");
        var real = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Cli.Yarndl.RepoRoot, "tests", "YarnDL.UnitTests", "Vectors", "hadoop-3.4.1", "nm-gpu-resource.json")))!;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(KeyPaths(real).Order(StringComparer.Ordinal), KeyPaths(body!).Order(StringComparer.Ordinal));
        Assert.Equal([0, 1, 2, 3], body!["gpuDeviceInformation"]!["gpus"]!.AsArray().Select(g => g!["minorNumber"]!.GetValue<int>()));
        Assert.Empty(body["totalGpuDevices"]!.AsArray());
        Assert.Empty(body["assignedGpuDevices"]!.AsArray());
        var (_, other, _) = await nm.SendAsync(HttpMethod.Get, "ws/v1/node/resources/nvidia.com%2Fgpu");
        Assert.Equal("{}", other!.ToJsonString());
    }

    /// <summary>Every key path of a JSON document (<c>gpuDeviceInformation.gpus[].productName</c>), array items merged.</summary>
    private static HashSet<string> KeyPaths(JsonNode node, string prefix = "")
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var path = prefix.Length == 0 ? key : prefix + "." + key;
                    paths.Add(path);
                    if (value is not null)
                    {
                        paths.UnionWith(KeyPaths(value, path));
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a.OfType<JsonNode>())
                {
                    paths.UnionWith(KeyPaths(item, prefix + "[]"));
                }

                break;
        }

        return paths;
    }
}
