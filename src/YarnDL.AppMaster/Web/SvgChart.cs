using System.Globalization;
using System.Net;
using System.Text;

namespace YarnDL.AppMaster.Web;

/// <summary>A self-contained SVG line chart: one metric over steps, one coloured series per trial, axes with ticks and a legend.</summary>
internal static class SvgChart
{
    public const int Width = 560;
    public const int Height = 280;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 44;
    private const int Bottom = 44;

    /// <summary>Series colours (colour-blind friendly, Okabe–Ito); trial i gets <c>Palette[i % n]</c>.</summary>
    public static readonly string[] Palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

    public sealed record Series(string Name, string Color, IReadOnlyList<(long Step, double Value)> Points, bool Emphasis);

    public static string Render(string metric, IReadOnlyList<Series> series)
    {
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg class=\"chart\" data-metric=\"{Enc(metric)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Enc(metric)} by step\">"))
            .Append(Inv($"<text x=\"{Left}\" y=\"18\" class=\"chart-title\">{Enc(metric)}</text>"));
        var all = series.SelectMany(s => s.Points).ToList();
        if (all.Count == 0)
        {
            return sb.Append(Inv($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"muted\">no data yet</text></svg>")).ToString();
        }

        var (minX, maxX) = (all.Min(p => p.Step), Math.Max(all.Max(p => p.Step), all.Min(p => p.Step) + 1));
        var (minY, maxY) = NiceRange(all.Min(p => p.Value), all.Max(p => p.Value));
        double X(long step) => Left + ((step - minX) * (Width - Left - Right) / (double)(maxX - minX));
        double Y(double v) => Height - Bottom - ((v - minY) * (Height - Top - Bottom) / (maxY - minY));

        sb.Append("<g class=\"axes\">");
        foreach (var v in Ticks(minY, maxY))
        {
            sb.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):F1}\" y2=\"{Y(v):F1}\" class=\"grid\"/>"))
                .Append(Inv($"<text x=\"{Left - 6}\" y=\"{Y(v) + 4:F1}\" text-anchor=\"end\">{v:G3}</text>"));
        }

        foreach (var s in Ticks(minX, maxX).Select(t => (long)Math.Round(t)).Distinct())
        {
            sb.Append(Inv($"<line x1=\"{X(s):F1}\" x2=\"{X(s):F1}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 4}\" class=\"tick\"/>"))
                .Append(Inv($"<text x=\"{X(s):F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{s}</text>"));
        }

        sb.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"))
            .Append(Inv($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"))
            .Append(Inv($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\" class=\"axis-label\">step</text></g>"));

        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var path = string.Join(' ', s.Points.OrderBy(p => p.Step).Select((p, i) => Inv($"{(i == 0 ? 'M' : 'L')}{X(p.Step):F1},{Y(p.Value):F1}")));
            sb.Append(Inv($"<path class=\"series\" data-trial=\"{Enc(s.Name)}\" d=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"{(s.Emphasis ? 3 : 1.75)}\" stroke-linejoin=\"round\"/>"));
        }

        var x = Left;
        sb.Append("<g class=\"legend\">");
        foreach (var s in series)
        {
            sb.Append(Inv($"<rect x=\"{x}\" y=\"27\" width=\"14\" height=\"4\" rx=\"1\" fill=\"{s.Color}\"/><text x=\"{x + 18}\" y=\"33\">{Enc(s.Name)}{(s.Emphasis ? " ★" : "")}</text>"));
            x += 24 + (7 * (s.Name.Length + (s.Emphasis ? 2 : 0)));
        }

        return sb.Append("</g></svg>").ToString();
    }

    /// <summary>Pads a flat or tight range so the curve never sits on the frame.</summary>
    private static (double Min, double Max) NiceRange(double min, double max)
    {
        if (max - min < 1e-9)
        {
            return (min - 0.5, max + 0.5);
        }

        var pad = (max - min) * 0.05;
        return (min - pad, max + pad);
    }

    /// <summary>About five round tick values within [min, max].</summary>
    private static IEnumerable<double> Ticks(double min, double max)
    {
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        for (var v = Math.Ceiling(min / step) * step; v <= max + (step * 1e-9); v += step)
        {
            yield return Math.Abs(v) < step * 1e-9 ? 0 : v;
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
