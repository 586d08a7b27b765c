using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using YarnDL.AppMaster.Web;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>
/// The AM's tracking page, served by the real web server with the state of a 3-trial sweep in flight, rendered by headless
/// Chromium: the DOM it builds has the trial table (best marked), one curve per trial in each chart and the task tables; the
/// screenshot lands in <c>TestResults/tracking-page.png</c> beside the test assembly; and the page measured after layout fits a
/// 1280 px window. Skipped where chromium is not installed (CI installs it in .ci/install-test-deps).
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrackingPageBrowserTests
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(90);

    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "TestResults", "tracking-page.png");

    [ChromiumFact]
    public async Task Chromium_renders_trials_curves_and_tasks_of_a_running_sweep()
    {
        var state = TrackingPageState.SweepInFlight();
        await using var server = await AmWebServer.StartAsync(
            IPAddress.Loopback, "127.0.0.1", state, new SecretCheck("s3cret"), new FakeTimeProvider(TrackingPageState.Now), TaskApi.RegisterLongPoll, NullLoggerFactory.Instance, default);

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

        Assert.Equal(9, Regex.Count(dom, "<tr class=\"task\">"));
        Assert.Equal(9, Regex.Count(dom, "<a class=\"log\" href=\"http://ip-10-20-[0-2]-1[1-3].eu-west-1.compute.internal:8042/node/containerlogs/container_"));
        Assert.Contains(">7 of 10</td>", dom, StringComparison.Ordinal);
        Assert.Contains(">≈ 35 s</td>", dom, StringComparison.Ordinal);
        Assert.Contains("step 270 · epoch 7", dom, StringComparison.Ordinal);
        Assert.Contains(">RUNNING</span>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", dom, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        File.Delete(ScreenshotPath);
        await Chromium.RunAsync(server.BaseUrl, "--screenshot=" + ScreenshotPath, BrowserTimeout);
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000, "the screenshot is (nearly) empty");
    }

    /// <summary>
    /// The page with a script added that measures it after layout at 1280 × 900: the document is no wider than the window,
    /// no section scrolls sideways, and no element ends right of the window.
    /// </summary>
    [ChromiumFact]
    public async Task Page_fits_a_1280_px_window_without_horizontal_overflow()
    {
        var html = StatusPage.Render(TrackingPageState.SweepInFlight(), TrackingPageState.Now).Replace("</body>", MeasureScript + "</body>", StringComparison.Ordinal);
        var file = Path.Combine(Directory.CreateTempSubdirectory("yarndl-page-").FullName, "page.html");
        await File.WriteAllTextAsync(file, html);

        var dom = await Chromium.RunAsync(new Uri(file), "--dump-dom", BrowserTimeout);

        var layout = Regex.Match(dom, "data-layout=\"([^\"]*)\"");
        Assert.True(layout.Success, "the measuring script did not run");
        Assert.Equal("window=1280 document=1280 overflowing=", WebUtility.HtmlDecode(layout.Groups[1].Value));
    }

    /// <summary>Writes <c>window=W document=D overflowing=LIST</c> into body's data-layout; LIST names sections that scroll sideways and elements past the right edge.</summary>
    private const string MeasureScript =
        "<script>(function(){var w=window.innerWidth,bad=[];" +
        "document.querySelectorAll('section').forEach(function(s){if(s.scrollWidth>s.clientWidth+1)bad.push('section#'+(s.id||s.querySelector('h2,h3').textContent)+':'+s.scrollWidth+'>'+s.clientWidth);});" +
        "document.querySelectorAll('body *').forEach(function(e){var r=e.getBoundingClientRect();if(r.width>0&&r.right>w+0.5)bad.push(e.tagName.toLowerCase()+'.'+e.className+':'+Math.round(r.right));});" +
        "document.body.setAttribute('data-layout','window='+w+' document='+document.documentElement.scrollWidth+' overflowing='+bad.slice(0,8).join(','));})();</script>";
}
