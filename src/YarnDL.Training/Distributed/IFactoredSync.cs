using YarnDL.Training.Compute;
using YarnDL.Training.Model;

namespace YarnDL.Training.Distributed;

/// <summary>A synchronous strategy that can take a factored layer's gradient as factors (see
/// <see cref="IFactoredModel"/>) and compute it where the rows are updated.</summary>
internal interface IFactoredSync
{
    /// <summary>Whether factored steps can be used for this layer and global batch; every rank gets the same answer
    /// (a collective the first time).</summary>
    bool CanFactor(FactoredLayer layer, int parameterCount, int bufferLength, int globalBatch);

    /// <summary>Before the first factored step: the exchange the model's passes talk to.</summary>
    IFactorExchange StartFactored(FactoredLayer layer, float[] parameters, Optimizer optimizer);

    /// <summary>As <see cref="IParameterSync.Update"/> after a <see cref="IFactoredModel.LossAndFactors"/> pass (this
    /// rank's share of <paramref name="globalBatch"/>, in rank order); <paramref name="started"/> is the timestamp the
    /// pass began (for load balancing). The factored layer's weights are current only after <see cref="Settle"/>
    /// or the next pass asked for them.</summary>
    void UpdateFactored(float[] buffer, int globalBatch, long started, IComputeBackend backend);

    /// <summary>Makes every weight current (before they are read outside a step).</summary>
    void Settle();
}
