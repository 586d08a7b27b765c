namespace YarnDL.Training.Compute;

/// <summary>Class labels of a batch, where the backend's kernels read them (managed array or accelerator memory).</summary>
internal abstract class LabelTensor(int length)
{
    public int Length { get; } = length;
}
