using YarnDL.Hadoop.Ids;

namespace YarnDL.UnitTests.Hadoop;

public sealed class IdTests
{
    [Theory]
    [InlineData("container_1700000000000_0001_01_000001", 0L, 1L)]
    [InlineData("container_e17_1700000000000_0001_01_000005", 17L, 5L)]
    [InlineData("container_e05_1700000000000_12345_02_1234567", 5L, 1234567L)]
    public void ContainerId_round_trips_hadoop_strings(string text, long epoch, long sequence)
    {
        var id = ContainerId.Parse(text);
        Assert.Equal(epoch, id.Epoch);
        Assert.Equal(sequence, id.Sequence);
        Assert.Equal((epoch << 40) | sequence, id.Id);
        Assert.Equal(text, id.ToString());
        Assert.Equal(id, ContainerId.FromProto(id.ToProto()));
    }

    [Fact]
    public void Ids_format_with_hadoop_widths()
    {
        var app = new YarnApplicationId(1700000000000, 1);
        Assert.Equal("application_1700000000000_0001", app.ToString());
        Assert.Equal("application_1700000000000_12345", new YarnApplicationId(1700000000000, 12345).ToString());
        var attempt = new ApplicationAttemptId(app, 1);
        Assert.Equal("appattempt_1700000000000_0001_000001", attempt.ToString());
        Assert.Equal("container_e17_1700000000000_0001_01_000005", ContainerId.Create(attempt, 17, 5).ToString());
        Assert.Equal(attempt, ApplicationAttemptId.Parse("appattempt_1700000000000_0001_000001"));
        Assert.Equal(app, YarnApplicationId.Parse("application_1700000000000_0001"));
        Assert.Equal(new NodeId("nm1.example.com", 45454), NodeId.Parse("nm1.example.com:45454"));
        Assert.Equal("nm1.example.com:45454", NodeId.FromProto(new NodeId("nm1.example.com", 45454).ToProto()).ToString());
    }

    [Theory]
    [InlineData("container_1700000000000_0001_01")]
    [InlineData("container_x1_1700000000000_0001_01_000001")]
    [InlineData("application_1700000000000_0001_01_000001")]
    [InlineData("container_1700000000000_-001_01_000001")]
    public void Bad_container_ids_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => ContainerId.Parse(text));
    }
}
