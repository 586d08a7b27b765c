using System.Net;
using Microsoft.Extensions.Time.Testing;
using YarnDL.Client.Jobs;
using YarnDL.Yarn.Rest.Configuration;
using YarnDL.Yarn.Rest.Errors;

namespace YarnDL.UnitTests.Client;

public sealed class RmRideThroughTests
{
    private static readonly RmConnectPolicy Policy = new(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(30));

    private static RmUnavailableException Down() => new([new Uri("http://rm1:8088/")], "Connection refused");

    [Fact]
    public async Task An_outage_shorter_than_max_wait_is_retried_every_interval_and_said()
    {
        var time = new FakeTimeProvider();
        var said = new List<string>();
        var ride = new RmRideThrough(Policy, time, l => { said.Add(l); return Task.CompletedTask; });
        var calls = 0;

        var call = ride.CallAsync(_ => ++calls <= 2 ? throw Down() : Task.FromResult("FINISHED"), seen: true, CancellationToken.None);
        await WaitForAsync(() => said.Count == 1);
        time.Advance(Policy.RetryInterval);
        await WaitForAsync(() => said.Count == 2);
        time.Advance(Policy.RetryInterval);

        Assert.Equal("FINISHED", await call);
        Assert.Equal("RM unreachable, retrying (rm1:8088 not answering; 0s of 90s, next try in 30s)", said[0]);
        Assert.Equal("RM unreachable, retrying (rm1:8088 not answering; 30s of 90s, next try in 30s)", said[1]);
        Assert.Equal("RM reachable again after 60s", said[2]);
    }

    [Fact]
    public async Task After_max_wait_the_outage_is_the_callers_and_names_the_property()
    {
        var time = new FakeTimeProvider();
        var said = 0;
        var ride = new RmRideThrough(Policy, time, _ => { said++; return Task.CompletedTask; });

        var call = ride.CallAsync<string>(_ => throw Down(), seen: true, CancellationToken.None);
        for (var i = 1; i <= 3; i++)
        {
            await WaitForAsync(() => said == i);
            time.Advance(Policy.RetryInterval);
        }

        var e = await Assert.ThrowsAsync<RmUnavailableException>(() => call);
        Assert.Contains("gave up after 90s (yarn.resourcemanager.connect.max-wait.ms = 90000)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_is_an_outage_only_for_an_application_already_seen()
    {
        var ride = new RmRideThrough(Policy, new FakeTimeProvider(), _ => Task.CompletedTask);

        await Assert.ThrowsAsync<YarnRestException>(() =>
            ride.CallAsync<string>(_ => throw new YarnRestException(HttpStatusCode.NotFound, "NotFoundException", null, "unknown"), seen: false, CancellationToken.None));
    }

    [Fact]
    public void Policy_reads_hadoop_properties_and_their_defaults()
    {
        Assert.Equal(RmConnectPolicy.Default, RmConnectPolicy.From(new Dictionary<string, string?>(), "yarn-site.xml"));
        Assert.Equal(new RmConnectPolicy(null, TimeSpan.FromSeconds(1)), RmConnectPolicy.From(new Dictionary<string, string?>
        {
            [RmConnectPolicy.MaxWaitProperty] = "-1", [RmConnectPolicy.RetryIntervalProperty] = "1000",
        }, "yarn-site.xml"));
        var e = Assert.Throws<FormatException>(() => RmConnectPolicy.From(new Dictionary<string, string?> { [RmConnectPolicy.MaxWaitProperty] = "15m" }, "/c/yarn-site.xml"));
        Assert.Equal("/c/yarn-site.xml: yarn.resourcemanager.connect.max-wait.ms = '15m' is not a number of milliseconds", e.Message);
    }

    /// <summary>Yields until the ride-through has reached its next delay (it runs on the test's thread between awaits).</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            cts.Token.ThrowIfCancellationRequested();
        }
    }
}
