using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.State;
using YarnDL.Hadoop.Security;

namespace YarnDL.Bench.AmScale;

/// <summary>am-scale against a real MiniCluster (in a child process): the AM core (AmDriver + AmRmClient) talks Hadoop IPC
/// to the scheduler and to the NodeManagers, which launch every container as a process (<c>sleep</c>). The run gives up
/// after 10 minutes (<c>YARNDL_BENCH_LIMIT_S</c>), or when the containers are not all running 180 s after the NMs took
/// them (<c>YARNDL_BENCH_RUNNING_LIMIT_S</c>).</summary>
internal static class MiniClusterAmScale
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("YARNDL_BENCH_LIMIT_S") is { } l ? double.Parse(l, CultureInfo.InvariantCulture) : 600);
    private static readonly TimeSpan RunningLimit = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("YARNDL_BENCH_RUNNING_LIMIT_S") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 180);

    public static async Task<int> RunAsync(int containers, int nodes, TextWriter output, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Limit);
        var ct = cts.Token;
        var setup = Stopwatch.StartNew();
        await using var host = HostProcess.Start(nodes, containers);
        var rest = new Uri(await host.WaitForAsync("rm-rest:", ct).ConfigureAwait(false));
        var scheduler = await host.WaitForAsync("scheduler:", ct).ConfigureAwait(false);
        await host.WaitForAsync("ready", ct).ConfigureAwait(false);
        var dir = Directory.CreateTempSubdirectory("yarndl-amscale-").FullName;
        try
        {
            using var http = new HttpClient { BaseAddress = rest };
            var appId = await SubmitAmAsync(http, dir, ct).ConfigureAwait(false);
            var tokenFile = await WaitForTextAsync(Path.Combine(dir, "token"), ct).ConfigureAwait(false);
            var amRm = TokenStorage.ReadFile(tokenFile).FindByKind(HadoopToken.AmRmTokenKind)
                ?? throw new InvalidOperationException("the AM container's token file has no AMRMToken");
            output.WriteLine("mode=minicluster (AM core in this process over Hadoop IPC; RM, NMs and containers in a child process)");
            output.WriteLine(FormattableString.Invariant($"containers={containers} nodes={nodes} app={appId} setup_ms={setup.Elapsed.TotalMilliseconds:F0}"));

            using var logs = Environment.GetEnvironmentVariable("YARNDL_BENCH_LOG") == "1"
                ? LoggerFactory.Create(b => b.AddConsole().SetMinimumLevel(LogLevel.Debug))
                : LoggerFactory.Create(_ => { });
            var time = TimeProvider.System;
            var state = new AmState(AmScalePlan.Create(containers), "bench");
            await using var ipcRm = new IpcResourceManager([scheduler], amRm, options: null, logs.CreateLogger<IpcResourceManager>());
            var client = new AmRmClient(ipcRm, time, logs.CreateLogger<AmRmClient>());
            await using var ipcNms = new IpcNodeManagers(client.NmTokens, options: null, logs.CreateLogger<IpcNodeManagers>());
            var nms = new CountingNodeManagers(ipcNms);
            var launch = new LaunchSettings { AmUrl = new Uri("http://127.0.0.1:1/"), Secret = "s", TrainerCommand = "sleep 600" };
            var driver = new AmDriver(state, client, nms, launch, new DriverOptions(), time, logs.CreateLogger<AmDriver>())
            {
                // As a submitted AM has: its state for the next attempt, saved when it changes.
                Store = new AmStateStore(new LocalStateFiles(Path.Combine(dir, "state"))),
            };

            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var running = host.WaitForAsync("all-running", ct);
            await client.RegisterAsync("127.0.0.1", 0, "http://127.0.0.1:1/", ct).ConfigureAwait(false);
            var ticks = 0;
            while (nms.Started < containers)
            {
                await driver.TickAsync(ct).ConfigureAwait(false);
                ticks++;
            }

            var startedMs = wall.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
            if (await Task.WhenAny(running, Task.Delay(RunningLimit, ct)).ConfigureAwait(false) != running)
            {
                await output.WriteLineAsync($"error: not all {containers} containers were running {RunningLimit.TotalSeconds:F0} s after the NMs accepted them").ConfigureAwait(false);
                return 1;
            }

            var clusterCpu = (await running.ConfigureAwait(false)).Replace("minicluster_cpu_ms=", "", StringComparison.Ordinal);
            var runningMs = wall.Elapsed.TotalMilliseconds;
            var idleHeartbeatMs = await IdleHeartbeats.CpuMsAsync(driver, process, ct).ConfigureAwait(false);
            await driver.Store.FlushAsync().ConfigureAwait(false);
            process.Refresh();
            output.WriteLine(FormattableString.Invariant($"heartbeats={ticks} (back to back; a real AM waits 1 s between them)"));
            output.WriteLine(FormattableString.Invariant($"time_to_all_started_ms={startedMs:F1}"));
            output.WriteLine(FormattableString.Invariant($"time_to_all_running_ms={runningMs:F1}"));
            output.WriteLine($"minicluster_cpu_ms={clusterCpu}");
            output.WriteLine(FormattableString.Invariant($"am_peak_rss_mb={process.PeakWorkingSet64 / (1024.0 * 1024):F1}"));
            output.WriteLine(FormattableString.Invariant($"am_idle_heartbeat_cpu_ms={idleHeartbeatMs:F3} ({IdleHeartbeats.Description}, over IPC)"));
            output.WriteLine(FormattableString.Invariant($"am_ms_per_container={cpuMs / containers:F3}"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Submits a shell AM that hands us its token file path and waits; we play its AM core in this process.</summary>
    private static async Task<string> SubmitAmAsync(HttpClient http, string dir, CancellationToken ct)
    {
        using var created = await http.PostAsync(new Uri("ws/v1/cluster/apps/new-application?user.name=bench", UriKind.Relative), null, ct).ConfigureAwait(false);
        created.EnsureSuccessStatusCode();
        var appId = JsonNode.Parse(await created.Content.ReadAsStringAsync(ct).ConfigureAwait(false))!["application-id"]!.GetValue<string>();
        var script = $"printf '%s' \"$HADOOP_TOKEN_FILE_LOCATION\" > '{dir}/token.tmp' && mv '{dir}/token.tmp' '{dir}/token'; while [ ! -e '{dir}/exit' ]; do sleep 1; done";
        var body = new JsonObject
        {
            ["application-id"] = appId,
            ["application-name"] = "am-scale",
            ["application-type"] = "YARNDL",
            ["max-app-attempts"] = 1,
            ["resource"] = new JsonObject { ["memory"] = 1024, ["vCores"] = 1 },
            ["am-container-spec"] = new JsonObject { ["commands"] = new JsonObject { ["command"] = script } },
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var submitted = await http.PostAsync(new Uri("ws/v1/cluster/apps?user.name=bench", UriKind.Relative), content, ct).ConfigureAwait(false);
        if ((int)submitted.StatusCode != 202) throw new InvalidOperationException($"submit answered {(int)submitted.StatusCode}");
        return appId;
    }

    private static async Task<string> WaitForTextAsync(string path, CancellationToken ct)
    {
        while (!File.Exists(path)) await Task.Delay(20, ct).ConfigureAwait(false);
        return await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
    }
}
