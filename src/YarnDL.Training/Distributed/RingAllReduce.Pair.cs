namespace YarnDL.Training.Distributed;

public sealed partial class RingAllReduce
{
    private float[] pairScratch = [];
    private long pairLimitBytes = -1;

    /// <summary>Two ranks: each sends its whole buffer once (on the link to its right) and adds what arrives from its
    /// left. One exchange instead of the ring's reduce-scatter then all-gather, with the same bytes per rank: the
    /// second network round trip is gone. Float addition is commutative, so both ranks hold the same bits, and
    /// they equal the ring's (which also adds exactly one pair per element for two ranks).</summary>
    private void PairExchange(float[] buffer)
    {
        if (pairScratch.Length < buffer.Length)
        {
            pairScratch = new float[buffer.Length];
        }

        SendAll(right, buffer, 0, buffer.Length);
        ReceiveAll(left, pairScratch, 0, buffer.Length);
        AddInto(buffer, pairScratch.AsSpan(0, buffer.Length));
    }

    /// <summary>Sending the whole buffer before receiving cannot deadlock while it fits this side's send buffer
    /// (the kernel reports twice the payload it will hold, hence the half).</summary>
    private bool PairFits(int floats)
    {
        if (pairLimitBytes < 0)
        {
            pairLimitBytes = Math.Min(right.SendBufferSize, left.ReceiveBufferSize) / 2;
        }

        return (long)floats * sizeof(float) <= pairLimitBytes;
    }
}
