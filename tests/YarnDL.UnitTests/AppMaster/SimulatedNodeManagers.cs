using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>NMs whose "containers" are in-process tasks speaking the real task API over loopback HTTP.</summary>
internal sealed class SimulatedNodeManagers(ScriptedRm rm) : INodeManagers
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Tasks with this role exit 1 before registering.</summary>
    public string? FailingRole { get; init; }

    public Task StartAsync(AllocatedContainer container, LaunchSpec launch, CancellationToken ct)
    {
        _ = Task.Run(() => RunTaskAsync(container.ContainerId, launch.Environment), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(string containerId, string nodeId, CancellationToken ct) => Task.CompletedTask;

    private async Task RunTaskAsync(string containerId, IReadOnlyDictionary<string, string> env)
    {
        var exit = 0;
        try
        {
            exit = await TrainAsync(containerId, env);
        }
        catch (HttpRequestException)
        {
            exit = 70;
        }

        rm.Completions.Enqueue(new CompletedContainer(containerId, exit, exit == 0 ? "" : "Exception from container-launch"));
    }

    private async Task<int> TrainAsync(string containerId, IReadOnlyDictionary<string, string> env)
    {
        var id = new TaskIdentity(env[TaskEnv.ClusterId], env[TaskEnv.Role], int.Parse(env[TaskEnv.Index]), int.Parse(env[TaskEnv.Generation]));
        if (id.Role == FailingRole)
        {
            return 1;
        }

        var am = new Uri(env[TaskEnv.AmUrl]);
        var secret = env[TaskEnv.Secret];
        var lr = double.Parse(JsonDocument.Parse(TaskEnvValue.Decode(TaskEnv.HyperParameters, env[TaskEnv.HyperParameters])!).RootElement.GetProperty("lr").GetString()!);
        while (true)
        {
            using var reg = await Post(am, TaskApi.Register, new RegisterRequest(id, "127.0.0.1", 6000 + id.Index, containerId), TaskJson.Default.RegisterRequest, secret);
            if (reg.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            if (reg.StatusCode != HttpStatusCode.Accepted)
            {
                return 0;
            }
        }

        var metrics = new Dictionary<string, double> { ["loss"] = 1 - lr, ["val_accuracy"] = lr };
        using (await Post(am, TaskApi.Heartbeat, new HeartbeatRequest(id, 10, 0, metrics, -1), TaskJson.Default.HeartbeatRequest, secret))
        {
        }

        using (await Post(am, TaskApi.Result, new ResultRequest(id, true, metrics, "done"), TaskJson.Default.ResultRequest, secret))
        {
        }

        return 0;
    }

    private Task<HttpResponseMessage> Post<T>(Uri am, string path, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string secret)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, new Uri(am, path)) { Content = JsonContent.Create(body, type) };
        req.Headers.Add(TaskApi.SecretHeader, secret);
        return _http.SendAsync(req);
    }
}
