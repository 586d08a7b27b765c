using YarnDL.Client.Submit;

namespace YarnDL.UnitTests.Client;

/// <summary>submit stages on the default file system from HADOOP_CONF_DIR unless a flag overrides it.</summary>
public sealed class StagingChoiceTests : IDisposable
{
    private readonly string _conf = Directory.CreateTempSubdirectory("yarndl-conf-").FullName;

    [Fact]
    public void An_hdfs_default_fs_in_core_site_stages_in_hdfs_without_any_flag()
    {
        Site("core-site.xml", ("fs.defaultFS", "hdfs://nn.example:8020"));
        Site("hdfs-site.xml", ("dfs.namenode.http-address", "0.0.0.0:9870"));

        var stager = Choose(null, null);

        var hdfs = Assert.IsType<WebHdfsStager>(stager);
        Assert.Equal("hdfs://nn.example:8020/user/alice/.yarndl/application_1_0001", hdfs.StagingDir("application_1_0001"));
        Assert.Null(hdfs.NameNodeHttp); // the AM resolves the NameNodes from its own HADOOP_CONF_DIR (HA included)
    }

    [Fact]
    public void Flags_override_core_site_and_a_file_default_fs_stages_locally()
    {
        Site("core-site.xml", ("fs.defaultFS", "file:///"));
        Assert.IsType<LocalStager>(Choose(null, null));

        var explicitNn = Assert.IsType<WebHdfsStager>(Choose(new Uri("http://nn2:9870"), "hdfs://ns1"));
        Assert.Equal("hdfs://ns1/user/alice/.yarndl/a", explicitNn.StagingDir("a"));
        Assert.Equal(new Uri("http://nn2:9870"), explicitNn.NameNodeHttp);
        Assert.Equal("hdfs://other:8020/user/alice/.yarndl/a", Assert.IsType<WebHdfsStager>(Choose(null, "hdfs://other:8020")).StagingDir("a"));
    }

    public void Dispose() => Directory.Delete(_conf, recursive: true);

    private IJobStager Choose(Uri? webHdfs, string? defaultFs) =>
        StagingChoice.Choose(webHdfs, defaultFs, "alice", name => name == "HADOOP_CONF_DIR" ? _conf : null, () => new HttpClient(), Path.Combine(_conf, "staging"));

    private void Site(string file, params (string Name, string Value)[] props) =>
        File.WriteAllText(Path.Combine(_conf, file), "<configuration>"
            + string.Concat(props.Select(p => $"<property><name>{p.Name}</name><value>{p.Value}</value></property>")) + "</configuration>");
}
