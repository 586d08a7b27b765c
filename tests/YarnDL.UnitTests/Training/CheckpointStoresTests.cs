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
        Assert.Equal(new Uri("http://nn.example:50070"), First(new Uri("hdfs://nn:8020/x"), env));
    }

    [Fact]
    public void HdfsSiteHttpAddress_IsUsed_AndAWildcardHostTakesTheUrisHost()
    {
        Site("hdfs-site.xml", "dfs.namenode.http-address", "0.0.0.0:9871");
        Assert.Equal(new Uri("http://nn:9871"), First(new Uri("hdfs://nn:8020/x"), Env(("HADOOP_CONF_DIR", conf))));
    }

    [Fact]
    public void WebHdfsDefaultFs_IsUsed_ElseTheDefaultPort()
    {
        Site("core-site.xml", "fs.defaultFS", "webhdfs://127.0.0.1:41234");
        Assert.Equal(new Uri("http://127.0.0.1:41234"), First(new Uri("hdfs:///x"), Env(("HADOOP_CONF_DIR", conf))));
        Assert.Equal(new Uri("http://nn:9870"), First(new Uri("hdfs://nn:8020/x"), Env()));
    }

    [Fact]
    public void LocalPath_GivesTheLocalStore()
    {
        Assert.IsType<CheckpointStore>(CheckpointStores.Create(conf, Env()));
        Assert.Null(CheckpointStores.Create(null, Env()));
    }

    [Fact]
    public void An_ha_nameservice_gives_every_namenode_in_order_and_the_store_names_the_nameservice()
    {
        File.WriteAllText(Path.Combine(conf, "hdfs-site.xml"), """
            <?xml version="1.0"?><configuration>
            <property><name>dfs.nameservices</name><value>ns1</value></property>
            <property><name>dfs.ha.namenodes.ns1</name><value>nn1,nn2</value></property>
            <property><name>dfs.namenode.http-address.ns1.nn1</name><value>nn-a:9870</value></property>
            <property><name>dfs.namenode.http-address.ns1.nn2</name><value>nn-b:9870</value></property>
            </configuration>
            """);
        var env = Env(("HADOOP_CONF_DIR", conf));

        Assert.Equal([new Uri("http://nn-a:9870"), new Uri("http://nn-b:9870")], CheckpointStores.NamenodesHttp(new Uri("hdfs://ns1/ckpt"), env));
        var store = Assert.IsType<WebHdfsCheckpointStore>(CheckpointStores.Create("hdfs://ns1/user/alice/ckpt", env));
        Assert.StartsWith("hdfs://ns1/user/alice/ckpt/", store.PathName, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(conf, recursive: true);

    private static Uri First(Uri location, Func<string, string?> env) => CheckpointStores.NamenodesHttp(location, env)[0];

    private static Func<string, string?> Env(params (string Key, string Value)[] vars) => k => vars.FirstOrDefault(v => v.Key == k).Value;

    private void Site(string file, string name, string value) =>
        File.WriteAllText(Path.Combine(conf, file), $"<?xml version=\"1.0\"?><configuration><property><name>{name}</name><value>{value}</value></property></configuration>");
}
