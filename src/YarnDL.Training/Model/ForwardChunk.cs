using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>A model's forward pass over the examples <paramref name="batch"/> names; returns the host array whose first
/// <c>batch.Length × classes</c> floats then hold their logits, row-major (valid until the next pass).</summary>
internal delegate float[] ForwardChunk(Dataset data, ReadOnlySpan<int> batch);
