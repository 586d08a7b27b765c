namespace YarnDL.Training.Distributed.ParameterServer;

/// <summary>The parameter vector is cut into contiguous, near-equal shards, ps k owning [Start(k), Start(k+1)).</summary>
internal static class PsShards
{
    public static int Start(int parameterCount, int shards, int k) => (int)((long)parameterCount * k / shards);

    public static int Length(int parameterCount, int shards, int k) => Start(parameterCount, shards, k + 1) - Start(parameterCount, shards, k);
}
