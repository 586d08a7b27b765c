using System.Text.Json.Nodes;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.State;
using YarnDL.Testing.MiniCluster;
using YarnDL.WebHdfs;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>The AM's state directory in HDFS, against the MiniCluster's WebHDFS.</summary>
public sealed class HdfsStateFilesTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    private readonly string _dir = "/user/alice/.yarndl/application_1_" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task State_round_trips_and_an_unchanged_state_is_not_rewritten()
    {
        var store = new AmStateStore(Files());
        Assert.Null(await store.LoadAsync(default));
        var state = new AmState(Plans.Job(), "alice");

        await store.SaveAsync(state, default);
        await store.FlushAsync();
        var written = await ModificationTimeAsync(AmStateStore.FileName);
        File.SetLastWriteTimeUtc(LocalPath(AmStateStore.FileName), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // a rewrite would move it
        await store.SaveAsync(state, default);
        await store.FlushAsync();

        var loaded = await new AmStateStore(Files()).LoadAsync(default);
        Assert.Equal(state.Sessions.Select(s => s.Id), loaded!.Clusters.Select(c => c.Id));
        Assert.True(await ModificationTimeAsync(AmStateStore.FileName) < written);
        Assert.Equal([AmStateStore.FileName], Directory.GetFiles(LocalPath("")).Select(Path.GetFileName)); // no temp file left
        Assert.Equal("700", (await StatusAsync(""))["permission"]!.GetValue<string>());
    }

    [Fact]
    public async Task Secret_survives_attempts_owner_only_and_the_am_url_is_an_hdfs_uri()
    {
        var secret = (await new AmStateStore(Files()).LoadOrCreateSecretAsync(default)).Value;
        var next = new AmStateStore(Files());

        Assert.Equal(secret, (await next.LoadOrCreateSecretAsync(default)).Value);
        Assert.Equal("600", (await StatusAsync(AmStateStore.SecretFileName))["permission"]!.GetValue<string>());
        await next.PublishAmUrlAsync(new Uri("http://am-host:4040/"), default);
        Assert.Equal($"hdfs://nn:8020{_dir}/am-url", next.AmUrlFile);
        Assert.Equal("http://am-host:4040/", await File.ReadAllTextAsync(LocalPath(AmStateStore.AmUrlFileName)));
    }

    private HdfsStateFiles Files() =>
        new(new WebHdfsClient(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }), fixture.Cluster.WebHdfsUri, "alice"), new Uri("hdfs://nn:8020" + _dir));

    private string LocalPath(string name) => Path.Combine(fixture.Cluster.HdfsRoot, _dir.TrimStart('/'), name);

    private async Task<JsonNode> StatusAsync(string name)
    {
        using var http = RmHttp.Create(fixture.Cluster.WebHdfsUri);
        var (_, body, _) = await http.SendAsync(HttpMethod.Get, $"webhdfs/v1{_dir}/{name}?op=GETFILESTATUS&user.name=alice");
        return body!["FileStatus"]!;
    }

    private async Task<long> ModificationTimeAsync(string name) => (await StatusAsync(name))["modificationTime"]!.GetValue<long>();
}
