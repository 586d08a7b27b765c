using YarnDL.Client.AggregatedLogs;

namespace YarnDL.UnitTests.Client.AggregatedLogs;

/// <summary>A scheme-less remote app log dir is qualified with fs.defaultFS's scheme and authority, as Hadoop's
/// Path.makeQualified does; core-site.xml on a single node says <c>file:///</c>.</summary>
public sealed class AggregatedLogSettingsTests
{
    [Theory]
    [InlineData("file:///", "/tmp/logs", "file:///tmp/logs")]
    [InlineData("file:/", "/tmp/logs", "file:///tmp/logs")]
    [InlineData(null, "/tmp/logs", "file:///tmp/logs")]
    [InlineData("hdfs://nn.example.com:8020", "/app-logs", "hdfs://nn.example.com:8020/app-logs")]
    [InlineData("hdfs://mycluster/", "/tmp/logs", "hdfs://mycluster/tmp/logs")]
    [InlineData("hdfs://nn:8020", "webhdfs://other:9870/logs", "webhdfs://other:9870/logs")]
    public void A_path_is_qualified_with_the_default_file_system(string? defaultFs, string dir, string expected)
    {
        var settings = new AggregatedLogSettings { DefaultFs = defaultFs, RemoteAppLogDir = dir };

        Assert.Equal(new Uri(expected), settings.RootUri());
    }

    [Fact]
    public void A_default_file_system_that_is_not_a_uri_names_the_property_and_its_origin()
    {
        var settings = new AggregatedLogSettings { DefaultFs = "::not a uri", Origin = "/etc/hadoop/core-site.xml" };

        var e = Assert.Throws<FormatException>(settings.RootUri);

        Assert.Contains("fs.defaultFS '::not a uri' (/etc/hadoop/core-site.xml)", e.Message, StringComparison.Ordinal);
    }
}
