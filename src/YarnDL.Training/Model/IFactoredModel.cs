using YarnDL.Training.Data;

namespace YarnDL.Training.Model;

/// <summary>A model with one large dense layer whose weight gradient a data-parallel rank can compute for a share of
/// the layer's rows from every rank's factors (the layer's inputs and output deltas over the whole global batch),
/// instead of each rank computing the whole gradient of its examples and the ranks summing those.</summary>
internal interface IFactoredModel : IModel
{
    /// <summary>The layer: <see cref="FactoredLayer.Inputs"/> × <see cref="FactoredLayer.Outputs"/> weights, row-major.</summary>
    FactoredLayer Factored { get; }

    /// <summary>As <see cref="IModel.LossAndGradient"/>, except that the factored layer's weights get no gradient
    /// (that range of <paramref name="gradient"/> is left as it was): the factors go to
    /// <paramref name="exchange"/> as soon as they are known, and the layer's weights are asked for just before
    /// the forward pass first reads them.</summary>
    float LossAndFactors(Dataset data, ReadOnlySpan<int> batch, float scale, float[] gradient, IFactorExchange exchange);
}

/// <summary>The two points of a forward and backward pass where a factored step talks to its peers.</summary>
internal interface IFactorExchange
{
    /// <summary>Called before the forward pass reads the factored layer's weights: on return they are current.</summary>
    void WeightsNeeded();

    /// <summary>Called once the layer's factors are known, before the rest of the backward pass; they stay valid
    /// until the next forward pass.</summary>
    void FactorsReady(LayerFactors factors);
}

/// <summary>A dense layer's weights: <see cref="Inputs"/> rows of <see cref="Outputs"/> floats at <see cref="Offset"/>
/// in the parameters.</summary>
internal readonly record struct FactoredLayer(int Offset, int Inputs, int Outputs)
{
    public int Length => Inputs * Outputs;
}

/// <summary>The batch's <see cref="Count"/> × Inputs layer inputs and <see cref="Count"/> × Outputs output deltas
/// (loss scale included), row-major, at the start of the two arrays.</summary>
internal readonly record struct LayerFactors(float[] Activations, float[] Deltas, int Count);
