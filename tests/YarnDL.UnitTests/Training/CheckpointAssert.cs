using YarnDL.Training.Checkpoints;

namespace YarnDL.UnitTests.Training;

/// <summary>Two checkpoint directories hold the same state: step, optimizer steps, weights and both moments, bit for bit.</summary>
internal static class CheckpointAssert
{
    public static void SameState(string expectedDir, string actualDir)
    {
        var a = new CheckpointStore(expectedDir).TryLoad() ?? throw new InvalidOperationException($"no checkpoint in {expectedDir}");
        var b = new CheckpointStore(actualDir).TryLoad() ?? throw new InvalidOperationException($"no checkpoint in {actualDir}");
        Assert.Equal(a.Step, b.Step);
        Assert.Equal(a.OptimizerSteps, b.OptimizerSteps);
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(a.First, b.First);
        Assert.Equal(a.Second, b.Second);
    }
}
