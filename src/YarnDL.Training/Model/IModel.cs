using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>A trainable classifier whose parameters live in one flat fp32 array (easy to all-reduce and checkpoint).</summary>
internal interface IModel
{
    /// <summary>All weights and biases, layer after layer.</summary>
    float[] Parameters { get; }

    /// <summary>Loss summed over the batch; writes dLoss/dParameters (loss scaled by <paramref name="scale"/>) into the
    /// first Parameters.Length floats of <paramref name="gradient"/> (on a device backend: computed in the array's
    /// device mirror, then copied out once).</summary>
    float LossAndGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient);

    /// <summary>As <see cref="LossAndGradient"/>, except that the gradient stays where the backend computed it: in the
    /// backend's mirror of <paramref name="gradient"/>, not copied out (on the host backend the mirror is the array
    /// itself). For a step whose optimizer runs where the weights live and that sums nothing across ranks.</summary>
    float LossAndResidentGradient(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient);

    /// <summary>The named layers, in parameter order; they tile <see cref="Parameters"/>.</summary>
    IReadOnlyList<LayerSlice> Layers { get; }

    /// <summary>Writes the logits of every example of <paramref name="data"/> (Count × classes, row-major) to <paramref name="logits"/>.</summary>
    void Logits(Dataset data, Span<float> logits);

    /// <summary>Fraction of <paramref name="data"/> classified correctly.</summary>
    double Accuracy(Dataset data);

    /// <summary>After <see cref="Parameters"/> was written outside the model (resume, init-from, a parameter server's
    /// weights): copies it to where the backend computes. Free on the host backend, where that is the array itself.</summary>
    void PushParameters();

    /// <summary>Before <see cref="Parameters"/> is read outside the model (checkpoint, end of training): copies the
    /// weights back from where the backend computes. Free on the host backend.</summary>
    void PullParameters();
}
