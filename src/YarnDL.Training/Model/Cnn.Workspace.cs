using YarnDL.Training.Compute;

namespace YarnDL.Training.Model;

internal sealed partial class Cnn
{
    /// <summary>Activation and gradient tensors for up to <see cref="Capacity"/> images. The conv output, the hidden
    /// deltas (a factored step's factors) and the logits mirror host arrays, read after a <c>Pull</c>.</summary>
    private sealed class Workspace
    {
        public Workspace(ITensorBackend tensors, int capacity, int pixels, int flat, int hidden, int classes)
        {
            Capacity = capacity;
            ConvHost = new float[capacity * flat];
            DHiddenHost = new float[capacity * hidden];
            LogitsHost = new float[capacity * classes];
            Images = tensors.Allocate(capacity * pixels);
            Columns = tensors.Allocate(capacity * pixels * K);
            Conv = tensors.Mirror(ConvHost);
            DConv = tensors.Allocate(capacity * flat);
            Hidden = tensors.Allocate(capacity * hidden);
            DHidden = tensors.Mirror(DHiddenHost);
            Logits = tensors.Mirror(LogitsHost);
            DLogits = tensors.Allocate(capacity * classes);
            Labels = tensors.AllocateLabels(capacity);
        }

        public int Capacity { get; }

        public float[] ConvHost { get; }

        public float[] DHiddenHost { get; }

        public float[] LogitsHost { get; }

        public Tensor Images { get; }

        public Tensor Columns { get; }

        public Tensor Conv { get; }

        public Tensor DConv { get; }

        public Tensor Hidden { get; }

        public Tensor DHidden { get; }

        public Tensor Logits { get; }

        public Tensor DLogits { get; }

        public LabelTensor Labels { get; }
    }
}
