using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Data;
using YarnDL.Training.Model;

namespace YarnDL.UnitTests.Training;

public sealed class MlpGradientTests
{
    [Fact]
    public void LossAndGradient_MatchesFiniteDifferencesForEveryParameter()
    {
        // Exercises GEMM forward and both backward forms, bias, ReLU and softmax cross-entropy together.
        using var cpu = new CpuBackend(1);
        var data = SyntheticDataset.Create(8, 6, 3, 7);
        var model = new Mlp(cpu, [6, 5, 4, 3], 11);
        int[] batch = [0, 1, 2, 3, 4, 5, 6, 7];
        var grad = new float[model.Parameters.Length];
        model.LossAndGradient(data, batch, 1f, grad);
        var scratch = new float[grad.Length];
        var checkedCount = 0;
        for (var i = 0; i < grad.Length; i++)
        {
            var numeric = FiniteDifference.Central(model.Parameters, i, _ => model.LossAndGradient(data, batch, 1f, scratch), 1e-3f);
            Assert.True(Math.Abs(numeric - grad[i]) < 2e-2 + (2e-2 * Math.Abs(numeric)), $"parameter {i}: analytic {grad[i]}, numeric {numeric}");
            checkedCount++;
        }

        Assert.Equal((6 * 5) + 5 + (5 * 4) + 4 + (4 * 3) + 3, checkedCount);
    }
}
