using YarnDL.Training.Checkpoints;

namespace YarnDL.UnitTests.Training;

public sealed class CheckpointStoresTests : IDisposable
{
    private readonly string conf = Path.Combine(Path.GetTempPath(), "yarndl-conf-" + Guid.NewGuid().ToString("N"));

    public CheckpointStoresTests() => Directory.CreateDirectory(conf);

    [Fact]
    public void ExplicitUrl_WinsOverEverything()
    {
        var env = Env((CheckpointStores.WebHdfsUrlEnv, "http://nn.example:50070"), ("HADOOP_CONF_DIR", conf));
        Assert.Equal(new Uri("http://nn.example:50070"), CheckpointStores.NamenodeHttp(new Uri("hdfs://nn:8020/x"), env));
    }

    [Fact]
    public void HdfsSiteHttpAddress_IsUsed_AndAWildcardHostTakesTheUrisHost()
    {
        Site("hdfs-site.xml", "dfs.namenode.http-address", "0.0.0.0:9871");
        Assert.Equal(new Uri("http://nn:9871"), CheckpointStores.NamenodeHttp(new Uri("hdfs://nn:8020/x"), Env(("HADOOP_CONF_DIR", conf))));
    }

    [Fact]
    public void WebHdfsDefaultFs_IsUsed_ElseTheDefaultPort()
    {
        Site("core-site.xml", "fs.defaultFS", "webhdfs://127.0.0.1:41234");
        Assert.Equal(new Uri("http://127.0.0.1:41234"), CheckpointStores.NamenodeHttp(new Uri("hdfs:///x"), Env(("HADOOP_CONF_DIR", conf))));
        Assert.Equal(new Uri("http://nn:9870"), CheckpointStores.NamenodeHttp(new Uri("hdfs://nn:8020/x"), Env()));
    }

    [Fact]
    public void LocalPath_GivesTheLocalStore()
    {
        Assert.IsType<CheckpointStore>(CheckpointStores.Create(conf, Env()));
        Assert.Null(CheckpointStores.Create(null, Env()));
    }

    public void Dispose() => Directory.Delete(conf, recursive: true);

    private static Func<string, string?> Env(params (string Key, string Value)[] vars) => k => vars.FirstOrDefault(v => v.Key == k).Value;

    private void Site(string file, string name, string value) =>
        File.WriteAllText(Path.Combine(conf, file), $"<?xml version=\"1.0\"?><configuration><property><name>{name}</name><value>{value}</value></property></configuration>");
}
