using YarnDL.WebHdfs;

namespace YarnDL.UnitTests.Rest;

/// <summary>The namenode-address rule in its order: explicit URL, webhdfs:// authority, hdfs-site, webhdfs:// fs.defaultFS, port 9870.</summary>
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
        Assert.Equal(new Uri("http://c:2"), NamenodeAddress.Resolve(new Uri("hdfs://nn:8020/x"), null, None, core));
    }

    [Fact]
    public void Otherwise_TheLocationsHostOnTheDefaultPort_AndNoHostIsAnError()
    {
        Assert.Equal(new Uri("http://nn:9870"), NamenodeAddress.Resolve(new Uri("hdfs://nn:8020/x"), null, None, Site("fs.defaultFS", "hdfs://nn:8020")));
        var e = Assert.Throws<ArgumentException>(() => NamenodeAddress.Resolve(new Uri("hdfs:///x"), null, None, None));
        Assert.Contains("YARNDL_WEBHDFS_URL", e.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Site(string key, string value) => name => name == key ? value : null;
}
