using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Data;
using YarnDL.Training.Model;

namespace YarnDL.UnitTests.Training;

public sealed class CnnGradientTests
{
    [Fact]
    public void LossAndGradient_MatchesFiniteDifferencesForEveryParameter()
    {
        // Covers im2col convolution forward/backward, bias, ReLU, dense layers and softmax cross-entropy.
        using var cpu = new CpuBackend(1);
        var data = SyntheticDataset.Create(5, 16, 3, 3);
        var model = new Cnn(cpu, 4, 2, 4, 3, 5);
        int[] batch = [0, 1, 2, 3, 4];
        var grad = new float[model.Parameters.Length];
        model.LossAndGradient(data, batch, 1f, grad);
        var scratch = new float[grad.Length];
        for (var i = 0; i < grad.Length; i++)
        {
            var numeric = FiniteDifference.Central(model.Parameters, i, _ => model.LossAndGradient(data, batch, 1f, scratch), 1e-3f);
            Assert.True(Math.Abs(numeric - grad[i]) < 2e-2 + (2e-2 * Math.Abs(numeric)), $"parameter {i}: analytic {grad[i]}, numeric {numeric}");
        }

        Assert.Equal((9 * 2) + 2 + (32 * 4) + 4 + (4 * 3) + 3, grad.Length);
    }
}
