namespace YarnDL.Training.Compute;

/// <summary>An fp32 buffer owned by an <see cref="ITensorBackend"/>: a managed array on the host backend, accelerator
/// memory on a device backend. Only the backend that made it reads or writes it.</summary>
internal abstract class Tensor(int length)
{
    public int Length { get; } = length;

    /// <summary>The whole buffer.</summary>
    public TensorView All => new(this, 0, Length);

    /// <summary><paramref name="length"/> floats from <paramref name="offset"/>.</summary>
    public TensorView View(int offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length - offset);
        return new TensorView(this, offset, length);
    }
}
