using System.Net;
using Microsoft.Extensions.Time.Testing;
using YarnDL.TaskProtocol;
using YarnDL.Training.Cluster;
using YarnDL.Training.Session;

namespace YarnDL.UnitTests.Training;

public sealed class AmTaskClientTests
{
    private static readonly TaskIdentity Me = new("main", "worker", 1, 2);

    [Fact]
    public async Task Register_PostsAgainOn202_ThenReturnsTheClusterSpec_WithTheSecretHeader()
    {
        var handler = new ScriptedAmHandler();
        handler.Enqueue(HttpStatusCode.Accepted, "{\"registered\":1,\"expected\":2}");
        handler.Enqueue(HttpStatusCode.OK, "{\"cluster\":{\"chief\":[\"a:1\"],\"worker\":[\"b:2\",\"c:3\"]},\"rank\":2,\"worldSize\":3,\"masterAddr\":\"a\",\"masterPort\":1,\"tfConfig\":\"{}\",\"resumeFromCheckpoint\":true}");
        using var client = new AmTaskClient(new Uri("http://am:1/"), "s3cret", Me, TimeProvider.System, handler);

        var spec = await client.RegisterAsync("c", 3, CancellationToken.None);

        Assert.Equal(2, spec.Rank);
        Assert.True(spec.ResumeFromCheckpoint);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("s3cret", r.Secret));
        Assert.All(handler.Requests, r => Assert.EndsWith(TaskApi.Register, r.Path, StringComparison.Ordinal));
        Assert.Contains("\"port\":3", handler.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Stale409_ThrowsAmProtocolException()
    {
        var handler = new ScriptedAmHandler();
        handler.Enqueue(HttpStatusCode.Conflict, "{}");
        using var client = new AmTaskClient(new Uri("http://am:1/"), "s", Me, TimeProvider.System, handler);

        await Assert.ThrowsAsync<AmProtocolException>(() => client.RegisterAsync("h", 1, CancellationToken.None));
    }

    [Fact]
    public async Task Heartbeat_CarriesProgress_AndStoresTheAmCommand()
    {
        var handler = new ScriptedAmHandler();
        handler.Enqueue(HttpStatusCode.OK, "{\"command\":\"Checkpoint\"}");
        var time = new FakeTimeProvider();
        using var client = new AmTaskClient(new Uri("http://am:1/"), "s", Me, time, handler);
        client.Report(new TrainingProgress(17, 1, new Dictionary<string, double> { ["loss"] = 0.5 }, 10));
        using var cts = new CancellationTokenSource();
        var loop = client.RunHeartbeatsAsync(TextWriter.Null, cts.Token);

        time.Advance(AmTaskClient.HeartbeatInterval);
        while (!handler.SecondRequest.Task.IsCompleted)
        {
            // The loop posts one heartbeat per tick; keep ticking until the second one shows the first was handled.
            await Task.WhenAny(handler.SecondRequest.Task, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
            time.Advance(AmTaskClient.HeartbeatInterval);
        }

        await cts.CancelAsync();
        await loop;
        var request = handler.Requests[0];
        Assert.Contains("\"step\":17", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"checkpointStep\":10", request.Body, StringComparison.Ordinal);
        Assert.Equal(TaskCommand.Checkpoint, client.PendingCommand);
        client.Acknowledge(TaskCommand.Checkpoint);
        Assert.Equal(TaskCommand.None, client.PendingCommand);
    }

    [Fact]
    public async Task Result_FollowsTheAmToTheUrlItsNextAttemptPublished()
    {
        var handler = new MovingAmHandler("old-am");
        var published = (Uri?)null;
        var time = new FakeTimeProvider();
        using var client = new AmTaskClient(new Uri("http://old-am:1/"), "s", Me, time, handler) { Rediscover = () => published };

        var post = client.PostResultAsync(true, new Dictionary<string, double> { ["val_accuracy"] = 0.97 }, "finished", CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!post.IsCompleted)
        {
            deadline.Token.ThrowIfCancellationRequested();

            // The new attempt publishes its URL while the task retries every heartbeat interval.
            await Task.WhenAny(post, Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, deadline.Token));
            published = new Uri("http://new-am:2/");
            time.Advance(AmTaskClient.HeartbeatInterval);
        }

        await post;
        Assert.Equal(new Uri("http://new-am:2/"), client.AmUrl);
        Assert.Equal("http://new-am:2/" + TaskApi.Result, handler.Requests[^1].AbsoluteUri);
    }

    [Fact]
    public async Task Result_WithoutRediscovery_FailsAtOnceWhenTheAmIsGone()
    {
        using var client = new AmTaskClient(new Uri("http://old-am:1/"), "s", Me, TimeProvider.System, new MovingAmHandler("old-am"));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostResultAsync(true, new Dictionary<string, double>(), null, CancellationToken.None));
    }
}
