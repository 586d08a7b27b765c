namespace YarnDL.Training.Distributed;

/// <summary>Sums a buffer element-wise across all ranks; every rank ends with identical bits.</summary>
internal interface IGradientReducer : IDisposable
{
    int Rank { get; }

    int WorldSize { get; }

    void AllReduceSum(float[] buffer);
}
