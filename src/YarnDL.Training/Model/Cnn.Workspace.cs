namespace YarnDL.Training.Model;

public sealed partial class Cnn
{
    /// <summary>Activation and gradient buffers for up to <see cref="Capacity"/> images.</summary>
    private sealed class Workspace(int capacity, int pixels, int flat, int hidden, int classes)
    {
        public int Capacity { get; } = capacity;

        public float[] Columns { get; } = new float[capacity * pixels * K];

        public float[] Conv { get; } = new float[capacity * flat];

        public float[] DConv { get; } = new float[capacity * flat];

        public float[] Hidden { get; } = new float[capacity * hidden];

        public float[] DHidden { get; } = new float[capacity * hidden];

        public float[] Logits { get; } = new float[capacity * classes];

        public float[] DLogits { get; } = new float[capacity * classes];

        public int[] Labels { get; } = new int[capacity];
    }
}
