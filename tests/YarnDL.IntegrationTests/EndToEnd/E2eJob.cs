using System.Globalization;
using System.Text;
using YarnDL.Client.Submit;
using YarnDL.Client.Tracking;
using YarnDL.Tracking;
using YarnDL.MiniCluster;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Apps;
using YarnDL.Yarn.Rest.Http;

namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>
/// One real job on an in-process MiniCluster: submitted through the client library (as <c>yarndl submit</c> does, AM in
/// <c>local</c> mode, the built trainer as task program), observed through the AM's <c>/api/v1/status</c> and the RM REST API.
/// </summary>
internal sealed class E2eJob : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http;
    private readonly StringBuilder _seen = new();

    private E2eJob(MiniYarnCluster cluster, IRmRestClient rm, HttpClient http, string applicationId, string workDir)
    {
        Cluster = cluster;
        Rm = rm;
        _http = http;
        ApplicationId = applicationId;
        WorkDir = workDir;
    }

    public MiniYarnCluster Cluster { get; }

    public IRmRestClient Rm { get; }

    public string ApplicationId { get; }

    public string WorkDir { get; }

    /// <summary>The last status document the AM served.</summary>
    public AmStatus? LastStatus { get; private set; }

    /// <summary>The tracking URL <see cref="LastStatus"/> came from (a new AM attempt has a new one).</summary>
    public string? LastTrackingUrl { get; private set; }

    public static string AppMasterDll => Built("src/YarnDL.AppMaster", "YarnDL.AppMaster.dll");

    public static string TrainerDll => Built("src/YarnDL.Trainer", "YarnDL.Trainer.dll");

    /// <summary>Writes <paramref name="yaml"/> (with <c>$CKPT</c> replaced by a fresh checkpoint dir) and submits it.</summary>
    /// <param name="hdfsStaging">Stage through the MiniCluster's WebHDFS (hdfs:// staging dir) instead of a local directory.</param>
    public static async Task<E2eJob> SubmitAsync(MiniYarnCluster cluster, string yaml, bool preflight = true, bool hdfsStaging = false, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("yarndl-e2e-").FullName;
        var path = Path.Combine(work, "job.yaml");
        await File.WriteAllTextAsync(path, yaml.Replace("$CKPT", Path.Combine(work, "ckpt"), StringComparison.Ordinal), ct);
        var spec = JobSpecLoader.LoadFile(path);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var rm = new RmRestClient(http, new RmClientOptions { Endpoints = cluster.RmRestUris, User = "alice", RetryDelay = TimeSpan.FromMilliseconds(50) });
        var options = new SubmitOptions
        {
            User = "alice",
            AmMode = AmMode.Local,
            LocalAmDll = AppMasterDll,
            TrainerCommand = $"dotnet {TrainerDll}",
        };
        IJobStager stager = hdfsStaging
            ? new WebHdfsStager(new WebHdfs.WebHdfsClient(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }), cluster.WebHdfsUri, "alice"), $"hdfs://{cluster.WebHdfsUri.Authority}", "alice")
            : new LocalStager(Path.Combine(cluster.WorkDir, "staging"));
        var bytes = await File.ReadAllBytesAsync(path, ct);
        string id;
        if (preflight)
        {
            id = (await new JobSubmitter(rm, stager).SubmitAsync(spec, bytes, options, ct)).ApplicationId;
        }
        else
        {
            // What a client without preflight (or a cluster that shrank after submit) hands the AM.
            var app = await rm.NewApplicationAsync(ct);
            var resources = new Dictionary<string, Yarn.Rest.Submission.LocalResource>(StringComparer.Ordinal)
            {
                [Spec.AmEnv.JobFileName] = await stager.StageAsync(app.ApplicationId, Spec.AmEnv.JobFileName, bytes, "FILE", ct),
            };
            await rm.SubmitApplicationAsync(SubmissionBuilder.Build(spec, app.ApplicationId, options, AmMode.Local, resources, stager.StagingDir(app.ApplicationId), stager.NameNodeHttp), ct);
            id = app.ApplicationId;
        }

        return new E2eJob(cluster, rm, http, id, work);
    }

    /// <summary>Polls the AM's status until <paramref name="condition"/> holds (the AM of the current attempt, whichever it is).</summary>
    public async Task<AmStatus> WaitForStatusAsync(string what, Func<AmStatus, bool> condition, CancellationToken ct = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(Deadline);
        var reader = new AmStatusReader(_http);
        try
        {
            while (true)
            {
                var report = await Rm.GetApplicationAsync(ApplicationId, cts.Token);
                if (report.IsTerminal)
                {
                    throw new InvalidOperationException($"{ApplicationId} ended {report.State}/{report.FinalStatus} before '{what}': {report.Diagnostics}\n{Trace()}");
                }

                if (report.State == "RUNNING" && await reader.TryGetAsync(report.TrackingUrl, cts.Token) is { } status)
                {
                    Observe(status, report.TrackingUrl);
                    if (condition(status))
                    {
                        return status;
                    }
                }

                await Task.Delay(PollInterval, cts.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"'{what}' not seen within {Deadline}\n{Trace()}");
        }
    }

    /// <summary>Waits for the end, keeping the AM's last status document; returns the RM's final report.</summary>
    public async Task<AppReport> WaitForEndAsync(CancellationToken ct = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(Deadline);
        var reader = new AmStatusReader(_http);
        while (true)
        {
            var report = await Rm.GetApplicationAsync(ApplicationId, cts.Token);
            if (report.IsTerminal)
            {
                return report;
            }

            if (report.State == "RUNNING" && await reader.TryGetAsync(report.TrackingUrl, cts.Token) is { } status)
            {
                Observe(status, report.TrackingUrl);
            }

            await Task.Delay(PollInterval, cts.Token);
        }
    }

    /// <summary>Test accuracy of the job's best (or only) trial: <c>val_accuracy</c> from the AM's final diagnostics.</summary>
    public static double Accuracy(AppReport report)
    {
        const string key = "val_accuracy=";
        var d = report.Diagnostics ?? string.Empty;
        var at = d.IndexOf(key, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {key} in the diagnostics: {d}");
        var value = new string([.. d[(at + key.Length)..].TakeWhile(ch => char.IsDigit(ch) || ch is '.' or 'e' or 'E' or '-' or '+')]);
        return double.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Every distinct task line seen (for failure messages).</summary>
    public string Trace() => _seen.ToString();

    private void Observe(AmStatus status, string? trackingUrl)
    {
        (LastStatus, LastTrackingUrl) = (status, trackingUrl);
        foreach (var c in status.Clusters)
        {
            foreach (var t in c.Tasks)
            {
                var line = $"{c.Id} g{c.Generation} r{c.Restarts} {c.State} {t.Role}:{t.Index} {t.State} {t.ContainerId} step {t.Step} {t.ExitReason}";
                if (!_seen.ToString().Contains(line, StringComparison.Ordinal))
                {
                    _seen.AppendLine(line);
                }
            }
        }
    }

    private static string Built(string project, string dll)
    {
        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Cli.Yarndl.RepoRoot, project, "bin", config, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} not built (dotnet build YarnDL.sln)", path);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
        }

        await ValueTask.CompletedTask;
    }
}
