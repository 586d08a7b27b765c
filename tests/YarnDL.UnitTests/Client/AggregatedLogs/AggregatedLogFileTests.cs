using System.Text;
using YarnDL.Client.AggregatedLogs;

namespace YarnDL.UnitTests.Client.AggregatedLogs;

/// <summary>Our reader against a file a real Hadoop 3.4.1 NodeManager aggregated, judged by what Hadoop's own LogReader read from it.</summary>
public sealed class AggregatedLogFileTests
{
    internal static readonly string VectorDir = Path.Combine(AppContext.BaseDirectory, "Vectors", "hadoop-3.4.1", "aggregated-logs");

    internal static readonly string NodeFile = Path.Combine(VectorDir, "root", "bucket-logs-tfile", "0003", "application_1796579136654_0003", "localhost_45454");

    private static readonly HadoopLogReaderOutput Expected = HadoopLogReaderOutput.Parse(File.ReadAllBytes(Path.Combine(VectorDir, "expected-logreader-output.txt")));

    private static AggregatedLogFile Read() => AggregatedLogFile.Parse(File.ReadAllBytes(NodeFile), NodeFile);

    [Fact]
    public void Owner_and_acls_are_what_hadoop_reads()
    {
        var file = Read();

        Assert.Equal(Expected.Owner, file.Owner);
        Assert.Equal("{}", Expected.Acls);
        Assert.Empty(file.Acls);
    }

    [Fact]
    public void Containers_and_log_types_come_in_hadoops_order()
    {
        var file = Read();

        Assert.Equal(Expected.Containers.Select(c => c.Container), file.Containers.Select(c => c.ContainerId));
        for (var i = 0; i < Expected.Containers.Count; i++)
        {
            Assert.Equal(Expected.Containers[i].Logs.Select(l => (l.Type, l.Length)), file.Containers[i].Logs.Select(l => (l.LogType, l.Length)));
        }
    }

    [Fact]
    public void Every_log_has_hadoops_bytes()
    {
        var file = Read();

        var expected = Expected.Containers.SelectMany(c => c.Logs.Select(l => (c.Container, l.Type, Encoding.UTF8.GetString(l.Contents))));
        var actual = file.Containers.SelectMany(c => c.Logs.Select(l => (c.ContainerId, l.LogType, Encoding.UTF8.GetString(l.Contents))));
        Assert.Equal(expected, actual);
        Assert.Contains(file.Containers, c => c.Logs.Any(l => l.LogType == "worker-0.stderr"
            && Encoding.UTF8.GetString(l.Contents).StartsWith("error: bad trainer settings: YARNDL_TRAINER is not a JSON object", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_the_problem()
    {
        var bytes = File.ReadAllBytes(NodeFile);

        var e = Assert.Throws<AggregatedLogFormatException>(() => AggregatedLogFile.Parse(bytes.AsMemory(0, bytes.Length - 5), "hdfs:///tmp/logs/x/localhost_45454"));

        Assert.Equal("hdfs:///tmp/logs/x/localhost_45454", e.Location);
        Assert.Contains("no BCFile magic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_data_block_is_refused_not_misread()
    {
        var bytes = File.ReadAllBytes(NodeFile);
        bytes[100] ^= 0xff; // inside the gz data block that starts at byte 16

        var e = Assert.Throws<AggregatedLogFormatException>(() => AggregatedLogFile.Parse(bytes, "f"));

        Assert.Equal("f", e.Location);
    }
}
