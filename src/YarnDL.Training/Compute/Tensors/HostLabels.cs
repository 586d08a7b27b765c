namespace YarnDL.Training.Compute;

/// <summary>Labels of the host backend: a managed array.</summary>
internal sealed class HostLabels(int length) : LabelTensor(length)
{
    public int[] Data { get; } = new int[length];
}
