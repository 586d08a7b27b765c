namespace YarnDL.Training.Compute;

/// <summary><see cref="Length"/> floats at <see cref="Offset"/> in <see cref="Tensor"/>; what the kernels take.</summary>
internal readonly record struct TensorView(Tensor Tensor, int Offset, int Length)
{
    /// <summary>A part of this view.</summary>
    public TensorView Slice(int offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length - offset);
        return new TensorView(Tensor, Offset + offset, length);
    }
}
