namespace YarnDL.Training.Distributed;

/// <summary>World of one: nothing to exchange.</summary>
internal sealed class SingleRankReducer : IGradientReducer
{
    public int Rank => 0;

    public int WorldSize => 1;

    public void AllReduceSum(float[] buffer)
    {
    }

    public void Dispose()
    {
    }
}
