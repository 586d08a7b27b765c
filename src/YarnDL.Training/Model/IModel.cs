using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>A trainable classifier whose parameters live in one flat fp32 array (easy to all-reduce and checkpoint).</summary>
public interface IModel
{
    /// <summary>All weights and biases, layer after layer.</summary>
    float[] Parameters { get; }

    /// <summary>Loss summed over the batch; writes dLoss/dParameters (loss scaled by <paramref name="scale"/>) into <paramref name="gradient"/>.</summary>
    float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, Span<float> gradient);

    /// <summary>Fraction of <paramref name="data"/> classified correctly.</summary>
    double Accuracy(Dataset data);
}
