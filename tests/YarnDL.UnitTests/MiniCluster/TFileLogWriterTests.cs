using YarnDL.Client.AggregatedLogs;
using YarnDL.MiniCluster.LogAggregation;
using YarnDL.UnitTests.Client.AggregatedLogs;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary>The MiniCluster's aggregated log writer, judged record by record against the file a 3.4.1 NodeManager wrote.</summary>
public sealed class TFileLogWriterTests
{
    [Fact]
    public void Same_logs_give_the_same_tfile_records_as_a_real_node_manager()
    {
        var vector = File.ReadAllBytes(AggregatedLogFileTests.NodeFile);
        var real = AggregatedLogFile.Parse(vector, "vector");

        var ours = TFileLogWriter.Write(real.Owner, new Dictionary<string, string>(),
            real.Containers.Select(c => new TFileLogWriter.ContainerLogs(c.ContainerId, [.. c.Logs.Select(l => (l.LogType, l.Contents))])));

        var expected = TFileReader.ReadAll(vector, "vector").Select(r => (r.Key.ToArray(), r.Value.ToArray())).ToList();
        var actual = TFileReader.ReadAll(ours, "ours").Select(r => (r.Key.ToArray(), r.Value.ToArray())).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Item1, actual[i].Item1);
            Assert.Equal(expected[i].Item2, actual[i].Item2);
        }
    }

    [Fact]
    public void Tail_and_meta_blocks_have_a_real_files_shape()
    {
        var ours = TFileLogWriter.Write("alice", new Dictionary<string, string>(), [new("container_1_0001_01_000001", [("am.stdout", "hi\n"u8.ToArray())])]);
        var vector = File.ReadAllBytes(AggregatedLogFileTests.NodeFile);

        Assert.Equal(vector[..16], ours[..16]);
        Assert.Equal(vector[^20..], ours[^20..]); // BCFile version 1.0 and the magic
        Assert.Equal("alice", AggregatedLogFile.Parse(ours, "ours").Owner);
    }
}
