namespace YarnDL.AppMaster.Clusters;

/// <summary>
/// When rank 0 of the current generation was first heard from and when it last entered a new epoch: the basis of a trial's
/// estimated time left. The estimate needs one epoch boundary since the generation started (a restored generation starts
/// mid-run, so only its own epochs count); before that there is none.
/// </summary>
internal sealed class EpochClock
{
    private DateTimeOffset? _start;
    private int _startEpoch;
    private int _epoch;
    private DateTimeOffset _boundary;

    /// <summary>Rank 0 reported 0-based <paramref name="epoch"/> at <paramref name="now"/>.</summary>
    public void Observe(int epoch, DateTimeOffset now)
    {
        if (_start is null)
        {
            _start = now;
            _startEpoch = epoch;
            _epoch = epoch;
            _boundary = now;
        }
        else if (epoch > _epoch)
        {
            _epoch = epoch;
            _boundary = now;
        }
    }

    /// <summary>A new generation starts timing afresh.</summary>
    public void Reset() => _start = null;

    /// <summary>Time left until <paramref name="totalEpochs"/> are done at the pace of this generation's finished epochs; null while unknown.</summary>
    public TimeSpan? Remaining(int totalEpochs, DateTimeOffset now)
    {
        if (_start is not { } start || _epoch <= _startEpoch || totalEpochs <= 0)
        {
            return null;
        }

        var perEpoch = (_boundary - start) / (_epoch - _startEpoch);
        var left = (perEpoch * Math.Max(0, totalEpochs - _epoch)) - (now - _boundary);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }
}
