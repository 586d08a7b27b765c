using System.Net;
using System.Net.Http.Json;
using YarnDL.TaskProtocol;
using YarnDL.Training.Session;

namespace YarnDL.Training.Cluster;

/// <summary>The task side of the AM's task API: register (looping on 202), heartbeat every
/// <see cref="HeartbeatInterval"/> with the latest progress, and post the final result. When the AM stops answering
/// (AM restart), <see cref="Rediscover"/> names the next attempt's URL and the task carries on with it.</summary>
public sealed class AmTaskClient : ITrainingControl, IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private Uri _amUrl;
    private TrainingProgress _progress = new(0, 0, new Dictionary<string, double>(), -1);
    private int _command;

    public AmTaskClient(Uri amUrl, string secret, TaskIdentity identity, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _amUrl = amUrl;
        _http.Timeout = TaskApi.RegisterLongPoll + TimeSpan.FromSeconds(30);
        _http.DefaultRequestHeaders.Add(TaskApi.SecretHeader, secret);
        Identity = identity;
        _time = time;
    }

    public static TimeSpan HeartbeatInterval { get; } = TimeSpan.FromSeconds(2);

    public TaskIdentity Identity { get; }

    /// <summary>Where the current AM attempt is, when the one we know stops answering (null: no rediscovery).</summary>
    public Func<Uri?>? Rediscover { get; init; }

    /// <summary>The AM this task talks to now.</summary>
    public Uri AmUrl => Volatile.Read(ref _amUrl);

    /// <summary>Attempts of the final result post (an AM restart may be in progress when the task ends).</summary>
    public int ResultAttempts { get; init; } = 30;

    public TaskCommand PendingCommand => (TaskCommand)Volatile.Read(ref _command);

    public void Acknowledge(TaskCommand command) => Interlocked.CompareExchange(ref _command, (int)TaskCommand.None, (int)command);

    /// <summary>The progress the next heartbeat carries.</summary>
    internal void Report(TrainingProgress progress) => Volatile.Write(ref _progress, progress);

    void ITrainingControl.Report(TrainingProgress progress) => Report(progress);

    public async Task<ClusterSpecResponse> RegisterAsync(string host, int port, CancellationToken ct)
    {
        var request = new RegisterRequest(Identity, host, port, Environment.GetEnvironmentVariable("CONTAINER_ID"));
        while (true)
        {
            using var response = await _http.PostAsJsonAsync(new Uri(AmUrl, TaskApi.Register), request, TaskJson.Default.RegisterRequest, ct);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return await response.Content.ReadFromJsonAsync(TaskJson.Default.ClusterSpecResponse, ct)
                        ?? throw new AmProtocolException("register: empty cluster spec");
                case HttpStatusCode.Accepted:
                    continue;
                case HttpStatusCode.Conflict:
                    throw new AmProtocolException($"register: generation {Identity.Generation} is stale (409); exiting");
                default:
                    throw new AmProtocolException($"register: AM answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
    }

    /// <summary>Posts a heartbeat every interval until <paramref name="ct"/> is cancelled; failures are written to <paramref name="log"/>.</summary>
    public async Task RunHeartbeatsAsync(TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        using var timer = new PeriodicTimer(HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var p = Volatile.Read(ref _progress);
                var beat = new HeartbeatRequest(Identity, p.Step, p.Epoch, p.Metrics, p.CheckpointStep);
                try
                {
                    using var response = await _http.PostAsJsonAsync(new Uri(AmUrl, TaskApi.Heartbeat), beat, TaskJson.Default.HeartbeatRequest, ct);
                    response.EnsureSuccessStatusCode();
                    var answer = await response.Content.ReadFromJsonAsync(TaskJson.Default.HeartbeatResponse, ct);
                    if (answer is { Command: not TaskCommand.None })
                    {
                        Volatile.Write(ref _command, (int)answer.Command);
                    }
                }
                catch (HttpRequestException e)
                {
                    await log.WriteLineAsync($"heartbeat failed: {e.Message}{SwitchAm()}");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Posts the final result; while the AM does not answer (and <see cref="Rediscover"/> is set) retries every
    /// heartbeat interval, following the AM to its next attempt.</summary>
    public async Task PostResultAsync(bool succeeded, IReadOnlyDictionary<string, double> metrics, string? message, CancellationToken ct)
    {
        var request = new ResultRequest(Identity, succeeded, metrics, message);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await _http.PostAsJsonAsync(new Uri(AmUrl, TaskApi.Result), request, TaskJson.Default.ResultRequest, ct);
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (Rediscover is not null && attempt < ResultAttempts)
            {
                SwitchAm();
                await Task.Delay(HeartbeatInterval, _time, ct);
            }
        }
    }

    /// <summary>Moves to the URL <see cref="Rediscover"/> names when it differs from the current one; says so for the log.</summary>
    private string SwitchAm()
    {
        Uri? next;
        try
        {
            next = Rediscover?.Invoke();
        }
        catch (IOException e)
        {
            return $" (AM URL not readable: {e.Message})";
        }

        if (next is null || next == AmUrl)
        {
            return string.Empty;
        }

        Volatile.Write(ref _amUrl, next);
        return $"; switching to the AM at {next}";
    }

    public void Dispose() => _http.Dispose();
}
