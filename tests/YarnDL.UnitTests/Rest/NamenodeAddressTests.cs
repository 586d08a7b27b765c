using YarnDL.WebHdfs;

namespace YarnDL.UnitTests.Rest;

/// <summary>The namenode-address rule as Hadoop applies it: explicit URL, fs.defaultFS for an authority-less URI, HA
/// nameservices, dfs.namenode.http-address (0.0.0.0 = the file system's host), else port 9870.</summary>
public sealed class NamenodeAddressTests
{
    private static readonly Func<string, string?> None = _ => null;

    [Fact]
    public void ExplicitUrl_WinsOverTheSiteFiles()
    {
        var url = new Uri("http://nn.example:50070");
        Assert.Equal(url, NamenodeAddress.Resolve(new Uri("webhdfs://other:1/x"), url, Site("dfs.namenode.http-address", "a:1"), None));
    }

    [Fact]
    public void WebHdfsLocation_IsItsOwnAuthority()
    {
        Assert.Equal(new Uri("http://nn:9871"), NamenodeAddress.Resolve(new Uri("webhdfs://nn:9871/x"), null, Site("dfs.namenode.http-address", "a:1"), None));
    }

    [Fact]
    public void HdfsSite_BeatsCoreSite_AndAWildcardBindTakesTheLocationsHost()
    {
        var core = Site("fs.defaultFS", "webhdfs://c:2");
        Assert.Equal(new Uri("http://nn:9871"), NamenodeAddress.Resolve(new Uri("hdfs://nn:8020/x"), null, Site("dfs.namenode.http-address", "0.0.0.0:9871"), core));
        Assert.Equal(new Uri("http://nn:9870"), NamenodeAddress.Resolve(new Uri("hdfs://nn:8020/x"), null, None, core));
    }

    [Fact]
    public void Otherwise_TheLocationsHostOnTheDefaultPort_AndNoHostIsAnError()
    {
        Assert.Equal(new Uri("http://nn:9870"), NamenodeAddress.Resolve(new Uri("hdfs://nn:8020/x"), null, None, Site("fs.defaultFS", "hdfs://nn:8020")));
        var e = Assert.Throws<ArgumentException>(() => NamenodeAddress.Resolve(new Uri("hdfs:///x"), null, None, None));
        Assert.Contains("YARNDL_WEBHDFS_URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAuthorityLessUri_IsOnFsDefaultFs_AndAWildcardHttpAddressTakesItsHost()
    {
        var core = Site("fs.defaultFS", "hdfs://nn.example:8020");
        Assert.Equal(new Uri("http://nn.example:9870"), NamenodeAddress.Resolve(new Uri("hdfs:///ckpt"), null, Site("dfs.namenode.http-address", "0.0.0.0:9870"), core));
        Assert.Equal(new Uri("http://nn.example:9870"), NamenodeAddress.Resolve(new Uri("hdfs:///ckpt"), null, None, core));
    }

    [Fact]
    public void AnHaNameservice_ListsItsNameNodesInOrder()
    {
        var hdfs = Sites(
            ("dfs.nameservices", "ns1"),
            ("dfs.ha.namenodes.ns1", "nn1, nn2"),
            ("dfs.namenode.http-address.ns1.nn1", "a.example:9870"),
            ("dfs.namenode.http-address.ns1.nn2", "b.example:9870"));
        Assert.Equal(
            [new Uri("http://a.example:9870"), new Uri("http://b.example:9870")],
            NamenodeAddress.ResolveAll(new Uri("hdfs:///x"), null, hdfs, Site("fs.defaultFS", "hdfs://ns1")));
        var e = Assert.Throws<ArgumentException>(() => NamenodeAddress.ResolveAll(new Uri("hdfs://ns1/x"), null, Sites(("dfs.nameservices", "ns1"), ("dfs.ha.namenodes.ns1", "nn1")), None));
        Assert.Contains("dfs.namenode.http-address.ns1.nn1", e.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Sites(params (string Key, string Value)[] props) =>
        name => props.FirstOrDefault(p => p.Key == name).Value;

    private static Func<string, string?> Site(string key, string value) => name => name == key ? value : null;
}
