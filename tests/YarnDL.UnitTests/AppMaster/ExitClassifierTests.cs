using YarnDL.AppMaster.Failures;

namespace YarnDL.UnitTests.AppMaster;

public sealed class ExitClassifierTests
{
    [Theory]
    [InlineData(0, ExitKind.Success)]
    [InlineData(1, ExitKind.CodeFailure)]
    [InlineData(137, ExitKind.CodeFailure)]
    [InlineData(-104, ExitKind.CodeFailure)]
    [InlineData(-1000, ExitKind.CodeFailure)]
    [InlineData(-100, ExitKind.Infrastructure)]
    [InlineData(-101, ExitKind.Infrastructure)]
    [InlineData(-102, ExitKind.Infrastructure)]
    [InlineData(-105, ExitKind.Infrastructure)]
    [InlineData(-106, ExitKind.Infrastructure)]
    public void Classify_FollowsYarnExitStatuses(int status, object expected) =>
        Assert.Equal((ExitKind)expected, ExitClassifier.Classify(status));

    [Fact]
    public void Describe_NamesTheReason()
    {
        Assert.Equal("preempted by the RM", ExitClassifier.Describe(-102));
        Assert.Equal("exited 3", ExitClassifier.Describe(3));
    }

    [Fact]
    public void NodeHealth_FlagsTheNodeOnceAtTheThreshold()
    {
        var h = new NodeHealth(2);
        Assert.False(h.RecordFailure("n1"));
        Assert.True(h.RecordFailure("n1"));
        Assert.False(h.RecordFailure("n1"));
        Assert.Equal(3, h.Failures("n1"));
    }
}
