using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>A trainable classifier whose parameters live in one flat fp32 array (easy to all-reduce and checkpoint).</summary>
public interface IModel
{
    /// <summary>All weights and biases, layer after layer.</summary>
    float[] Parameters { get; }

    /// <summary>Loss summed over the batch; writes dLoss/dParameters (loss scaled by <paramref name="scale"/>) into <paramref name="gradient"/>.</summary>
    float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, Span<float> gradient);

    /// <summary>The named layers, in parameter order; they tile <see cref="Parameters"/>.</summary>
    IReadOnlyList<LayerSlice> Layers { get; }

    /// <summary>Writes the logits of every example of <paramref name="data"/> (Count × classes, row-major) to <paramref name="logits"/>.</summary>
    void Logits(Dataset data, Span<float> logits);

    /// <summary>Fraction of <paramref name="data"/> classified correctly.</summary>
    double Accuracy(Dataset data);
}
