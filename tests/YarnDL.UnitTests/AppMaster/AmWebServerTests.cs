using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Web;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

public sealed class AmWebServerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TaskApi_ChecksTheSecret_HoldsRegisterUntilTheClusterIsComplete_AndServesStatus()
    {
        var state = new AmState(Plans.Job(Plans.Cluster(workers: 1)), "alice");
        var secret = new SecretCheck("t0p-s3cret");
        var time = new FakeTimeProvider();
        await using var server = await AmWebServer.StartAsync(
            IPAddress.Loopback, "127.0.0.1", state, secret, time, TimeSpan.FromSeconds(20), NullLoggerFactory.Instance, default);
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = Deadline };

        var chief = new RegisterRequest(new TaskIdentity("main", "chief", 0, 0), "127.0.0.1", 5000, "c1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(http, TaskApi.Register, chief, "wrong")).StatusCode);

        var chiefCall = Post(http, TaskApi.Register, chief, "t0p-s3cret");
        await state.Sessions[0].Slots[0].WaitRegisteredAsync(Deadline);
        Assert.False(chiefCall.IsCompleted);

        using var worker = await Post(http, TaskApi.Register, new RegisterRequest(new TaskIdentity("main", "worker", 0, 0), "127.0.0.1", 5001, "c2"), "t0p-s3cret");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        using var chiefAnswer = await chiefCall.WaitAsync(Deadline);
        Assert.Equal(HttpStatusCode.OK, chiefAnswer.StatusCode);
        var spec = await chiefAnswer.Content.ReadFromJsonAsync(TaskJson.Default.ClusterSpecResponse);
        Assert.Equal(0, spec!.Rank);
        Assert.Equal(5000, spec.MasterPort);

        var hb = new HeartbeatRequest(new TaskIdentity("main", "chief", 0, 0), 10, 0, new Dictionary<string, double> { ["loss"] = 0.7, ["accuracy"] = 0.4 }, -1);
        using var hbAnswer = await Post(http, TaskApi.Heartbeat, hb, "t0p-s3cret");
        Assert.Equal(TaskCommand.None, (await hbAnswer.Content.ReadFromJsonAsync(TaskJson.Default.HeartbeatResponse))!.Command);
        using var stale = await Post(http, TaskApi.Register, chief with { Task = chief.Task with { Generation = 7 } }, "t0p-s3cret");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/status", UriKind.Relative)));
        var cluster = status.RootElement.GetProperty("clusters")[0];
        Assert.Equal("RUNNING", status.RootElement.GetProperty("state").GetString());
        Assert.Equal("127.0.0.1:5001", cluster.GetProperty("tasks")[1].GetProperty("address").GetString());
        Assert.All(cluster.GetProperty("tasks").EnumerateArray(), t => Assert.Equal("RUNNING", t.GetProperty("state").GetString()));
        Assert.Equal(0.7, cluster.GetProperty("curve")[0].GetProperty("values").GetProperty("loss").GetDouble());
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<path class=\"series\" data-trial=\"main\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("t0p-s3cret", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AnswersPendingWhenTheLongPollExpires()
    {
        var state = new AmState(Plans.Job(Plans.Cluster(workers: 1)), "alice");
        var time = new FakeTimeProvider();
        await using var server = await AmWebServer.StartAsync(
            IPAddress.Loopback, "127.0.0.1", state, new SecretCheck("s"), time, TimeSpan.FromSeconds(20), NullLoggerFactory.Instance, default);
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = Deadline };
        var call = Post(http, TaskApi.Register, new RegisterRequest(new TaskIdentity("main", "chief", 0, 0), "127.0.0.1", 5000, null), "s");
        await state.Sessions[0].Slots[0].WaitRegisteredAsync(Deadline);
        while (!call.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(21));
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System));
        }

        using var answer = await call;
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(new PendingResponse(1, 2), await answer.Content.ReadFromJsonAsync(TaskJson.Default.PendingResponse));
    }

    private static Task<HttpResponseMessage> Post<T>(HttpClient http, string path, T body, string secret)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)TaskJson.Default.GetTypeInfo(typeof(T))!),
        };
        req.Headers.Add(TaskApi.SecretHeader, secret);
        return http.SendAsync(req);
    }
}
