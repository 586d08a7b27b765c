using System.Net;
using System.Text.RegularExpressions;
using YarnDL.AppMaster.Web;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>
/// What the tracking page says and the layout facts that hold without a browser: every table cell whose text can be long
/// carries a class that wraps it, and the charts of a row fit a 1280 px window. <see cref="TrackingPageBrowserTests"/>
/// measures the rendered page in Chromium.
/// </summary>
public sealed partial class TrackingPageTests
{
    /// <summary>Longest text a non-wrapping cell may hold (a state badge, "step 270 · epoch 7", a metric).</summary>
    private const int LongestNoWrapText = 24;

    private static string Page() => StatusPage.Render(TrackingPageState.SweepInFlight(), TrackingPageState.Now);

    [Fact]
    public void Running_trial_shows_epoch_of_planned_epochs_and_time_left()
    {
        var row = TrialRow(Page(), "trial-0002");

        Assert.Contains("<td class=\"num epoch\">7 of 10</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num eta\">≈ 35 s</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Finished_trials_show_their_epochs_and_no_time_left()
    {
        var page = Page();

        Assert.Contains("<td class=\"num epoch\">10 of 10</td><td class=\"num eta\"></td>", TrialRow(page, "trial-0001"), StringComparison.Ordinal);
        Assert.Contains("<td class=\"num epoch\">4 of 10</td><td class=\"num eta\"></td>", TrialRow(page, "trial-0000"), StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_column_shows_the_chiefs_last_checkpoint_with_epoch_and_age()
    {
        var section = Regex.Match(Page(), "<section class=\"trial-tasks\" id=\"trial-0002\">.*?</section>", RegexOptions.Singleline).Value;
        var cells = Regex.Matches(section, "<td class=\"checkpoint\">(.*?)</td>").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(3, cells.Count);
        Assert.Equal("step 270 · epoch 7<br><span class=\"muted age\">5 s ago</span>", cells[0]);
        Assert.All(cells.Skip(1), c => Assert.Equal("<span class=\"muted\">—</span>", c));
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(42.4, "42 s")]
    [InlineData(185, "3 min 5 s")]
    [InlineData(240, "4 min")]
    [InlineData(7800, "2 h 10 min")]
    public void Durations_read_as_seconds_minutes_and_hours(double seconds, string shown) =>
        Assert.Equal(shown, StatusPage.Duration(seconds));

    [Fact]
    public void Every_cell_with_long_text_wraps()
    {
        var page = Page();
        var cells = RowPattern().Matches(page)
            .SelectMany(row => CellPattern().Matches(row.Groups["cells"].Value).Select(m => (
                Classes: m.Groups["class"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Text: Visible(m.Groups["body"].Value),
                Row: row.Groups["row"].Value)))
            .ToList();

        Assert.NotEmpty(cells);
        var unwrapped = cells.Where(c => c.Text.Split('\n').Max(l => l.Length) > LongestNoWrapText && c.Row != "failure" && !c.Classes.Any(StatusPageCss.WrappingCells.Contains)).Select(c => c.Text).ToList();
        Assert.True(unwrapped.Count == 0, "cells with long text that do not wrap: " + string.Join(" | ", unwrapped));
        foreach (var cls in StatusPageCss.WrappingCells)
        {
            Assert.Matches($"td\\.{cls}\\{{[^}}]*white-space:normal;overflow-wrap:anywhere", StatusPageCss.Text);
        }
    }

    [Fact]
    public void Two_charts_side_by_side_fit_a_1280_px_window()
    {
        var widths = Regex.Matches(Page(), "<svg class=\"chart\"[^>]* width=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(2, widths.Count);
        const int gap = 16, border = 2;
        Assert.True(widths.Sum() + (2 * border) + gap <= 1280 - (2 * StatusPageCss.PageMargin), $"charts {string.Join("+", widths)} px do not fit");
    }

    private static string TrialRow(string page, string trial) =>
        Regex.Match(page, $"<tr class=\"trial[^\"]*\" data-trial=\"{trial}\">.*?</tr>", RegexOptions.Singleline).Value;

    /// <summary>Text a browser shows for a cell's HTML, one line per <c>&lt;br&gt;</c> (tags dropped, entities decoded).</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(Regex.Replace(html.Replace("<br>", "\n", StringComparison.Ordinal), "<[^>]+>", ""));

    [GeneratedRegex("<tr class=\"(?<row>[^\"]*)\"[^>]*>(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td(?: class=\"(?<class>[^\"]*)\")?[^>]*>(?<body>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
