using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.Spec.Plan;
using YarnDL.AppMaster.Web;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>
/// The AM's tracking page, served by the real web server with the state of a 3-trial sweep in flight, rendered by headless
/// Chromium: the DOM it builds has the trial table (best marked), one curve per trial in each chart and the task tables; the
/// screenshot lands in <c>TestResults/tracking-page.png</c> beside the test assembly. Skipped where chromium is not installed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrackingPageBrowserTests
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(90);

    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "TestResults", "tracking-page.png");

    [ChromiumFact]
    public async Task Chromium_renders_trials_curves_and_tasks_of_a_running_sweep()
    {
        var state = SweepInFlight();
        await using var server = await AmWebServer.StartAsync(
            IPAddress.Loopback, "127.0.0.1", state, new SecretCheck("s3cret"), TimeProvider.System, TaskApi.RegisterLongPoll, NullLoggerFactory.Instance, default);

        var dom = await Chromium.RunAsync(server.BaseUrl, "--dump-dom", BrowserTimeout);

        Assert.Contains("<title>digits-sweep · RUNNING · YarnDL</title>", dom, StringComparison.Ordinal);
        Assert.Contains(">application_1764600000000_0007</span>", dom, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(dom, "<tr class=\"trial[ \"]"));
        Assert.Matches("<tr class=\"trial best\" data-trial=\"trial-0001\">", dom);
        Assert.Contains("learning-rate=0.05", dom, StringComparison.Ordinal);
        Assert.Contains("0.9712", dom, StringComparison.Ordinal);
        foreach (var metric in new[] { "loss", "val_accuracy" })
        {
            var chart = Regex.Match(dom, $"<svg class=\"chart\" data-metric=\"{metric}\".*?</svg>", RegexOptions.Singleline);
            Assert.True(chart.Success, $"no {metric} chart");
            Assert.Equal(3, Regex.Count(chart.Value, "<path class=\"series\" data-trial=\"trial-000[012]\" d=\"M[0-9.]+,[0-9.]+( L[0-9.]+,[0-9.]+)+\""));
        }

        Assert.Equal(6, Regex.Count(dom, "<tr class=\"task\">"));
        Assert.Equal(6, Regex.Count(dom, "<a class=\"log\" href=\"http://nm[12].example.com:8042/node/containerlogs/container_"));
        Assert.Contains(">RUNNING</span>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", dom, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        File.Delete(ScreenshotPath);
        await Chromium.RunAsync(server.BaseUrl, "--screenshot=" + ScreenshotPath, BrowserTimeout);
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000, "the screenshot is (nearly) empty");
    }

    /// <summary>trial-0000 stopped early by the median rule, trial-0001 succeeded (the best), trial-0002 training at epoch 6 of 10.</summary>
    private static AmState SweepInFlight()
    {
        var trials = new[] { "0.1", "0.05", "0.01" }.Select((lr, i) => new TrialPlan
        {
            Id = $"trial-000{i}",
            Index = i,
            Parameters = [new("learning-rate", lr), new("batch-size", "32")],
            Roles = [new RolePlan { Name = "worker", Instances = 2, MemoryMb = 1024 }],
        }).ToList();
        var plan = new JobPlan
        {
            Name = "digits-sweep",
            Trials = trials,
            Sweep = new SweepPlan { Parallel = 3, ObjectiveMetric = "val_accuracy", EarlyStopping = true },
        };
        var state = new AmState(plan, "alice") { ApplicationId = "application_1764600000000_0007" };
        var now = DateTimeOffset.UnixEpoch;
        var epochs = new[] { 4, 10, 6 };
        var speed = new[] { 0.25, 0.45, 0.3 };
        var top = new[] { 0.93, 0.975, 0.95 };
        for (var t = 0; t < 3; t++)
        {
            var s = state.Sessions[t];
            s.State = ClusterState.Running;
            foreach (var slot in s.Slots)
            {
                slot.ContainerId = $"container_1764600000000_0007_01_{(t * 2) + slot.Index + 2:D6}";
                slot.NodeId = $"nm{slot.Index + 1}.example.com:45454";
                slot.NodeHttpAddress = $"nm{slot.Index + 1}.example.com:8042";
                s.Register(new TaskIdentity(s.Id, slot.Role, slot.Index, 0), $"10.0.0.{slot.Index + 1}", 40000 + slot.Index, now);
            }

            for (var e = 0; e < epochs[t]; e++)
            {
                var loss = (2.2 * Math.Exp(-speed[t] * 2 * (e + 1))) + 0.06 + (0.01 * t);
                var acc = top[t] - (0.8 * Math.Exp(-speed[t] * 2 * (e + 1)));
                foreach (var slot in s.Slots)
                {
                    var metrics = new Dictionary<string, double> { ["loss"] = loss, ["accuracy"] = acc, ["val_accuracy"] = acc, ["examples_per_s"] = 5200 - (100 * t) };
                    s.Heartbeat(new HeartbeatRequest(new TaskIdentity(s.Id, slot.Role, slot.Index, 0), (e + 1) * 45, e + 1, metrics, (e + 1) * 45), now);
                }
            }
        }

        var best = state.Sessions[1];
        best.Finish(ClusterState.Succeeded, new Dictionary<string, double> { ["loss"] = 0.0712, ["val_accuracy"] = 0.9712, ["accuracy"] = 0.9712 });
        foreach (var slot in best.Slots)
        {
            slot.State = TaskState.Succeeded;
            slot.ExitReason = "finished";
        }

        var stopped = state.Sessions[0];
        stopped.Finish(ClusterState.EarlyStopped);
        stopped.FailureReason = "stopped by the median rule at step 180: val_accuracy below the median of the other trials";
        foreach (var slot in stopped.Slots)
        {
            slot.State = TaskState.Stopped;
            slot.ExitReason = "stopped by the AM (early stop)";
        }

        return state;
    }
}
