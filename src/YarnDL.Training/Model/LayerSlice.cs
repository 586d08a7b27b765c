namespace YarnDL.Training.Model;

/// <summary>A named layer's weights and bias: <see cref="Length"/> floats at <see cref="Offset"/> in <c>IModel.Parameters</c>.</summary>
internal sealed record LayerSlice(string Name, int Offset, int Length);
