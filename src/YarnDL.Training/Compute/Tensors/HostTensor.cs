namespace YarnDL.Training.Compute;

/// <summary>A tensor of the host backend: a managed array, shared with whoever mirrors it.</summary>
internal sealed class HostTensor(float[] data) : Tensor(data.Length)
{
    public float[] Data { get; } = data;
}
