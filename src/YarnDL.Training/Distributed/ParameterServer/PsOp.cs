namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>Frame kinds of the worker ↔ parameter-server protocol.</summary>
internal enum PsOp
{
    /// <summary>Worker → ps: arg = rank, payload = [world size].</summary>
    Hello = 1,

    /// <summary>Chief → ps: arg = optimizer steps, payload = [kind, learning rate, momentum, async 0/1]; then three Data frames.</summary>
    Init = 2,

    /// <summary>Weights, first moment or second moment of a shard.</summary>
    Data = 3,

    /// <summary>Worker → ps: the gradient shard, then (ps 0 only) the control slots.</summary>
    Push = 4,

    /// <summary>Ps → worker: the shard's weights, then the control slots (summed in sync mode).</summary>
    Params = 5,

    /// <summary>Chief → ps: send the optimizer state (answered by State with arg = steps, then three Data frames).</summary>
    PullState = 6,

    State = 7,

    /// <summary>Worker → ps: training finished.</summary>
    Bye = 8,
}
