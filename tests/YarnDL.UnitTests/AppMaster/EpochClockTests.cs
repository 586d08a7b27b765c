using YarnDL.AppMaster.Clusters;

namespace YarnDL.UnitTests.AppMaster;

public sealed class EpochClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_estimate_before_the_first_epoch_boundary()
    {
        var clock = new EpochClock();
        clock.Observe(0, T0);
        clock.Observe(0, T0.AddSeconds(8));

        Assert.Null(clock.Remaining(10, T0.AddSeconds(9)));
    }

    [Fact]
    public void Time_left_is_the_pace_of_finished_epochs_times_the_epochs_left_less_time_into_this_one()
    {
        var clock = new EpochClock();
        clock.Observe(0, T0);
        clock.Observe(1, T0.AddSeconds(12));
        clock.Observe(2, T0.AddSeconds(24));
        clock.Observe(2, T0.AddSeconds(26));

        Assert.Equal(TimeSpan.FromSeconds((12 * 8) - 6), clock.Remaining(10, T0.AddSeconds(30)));
    }

    [Fact]
    public void A_restored_generation_counts_only_its_own_epochs()
    {
        var clock = new EpochClock();
        clock.Observe(0, T0);
        clock.Observe(5, T0.AddSeconds(50));
        clock.Reset();
        clock.Observe(5, T0.AddSeconds(100));
        Assert.Null(clock.Remaining(10, T0.AddSeconds(101)));

        clock.Observe(6, T0.AddSeconds(104));
        Assert.Equal(TimeSpan.FromSeconds(16), clock.Remaining(10, T0.AddSeconds(104)));
    }

    [Fact]
    public void Overdue_estimate_is_zero_not_negative()
    {
        var clock = new EpochClock();
        clock.Observe(0, T0);
        clock.Observe(9, T0.AddSeconds(90));

        Assert.Equal(TimeSpan.Zero, clock.Remaining(10, T0.AddSeconds(200)));
    }
}
