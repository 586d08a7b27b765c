using System.Globalization;
using System.Net;
using System.Text;

namespace YarnDL.AppMaster.Web;

/// <summary>One metric over steps as a self-contained SVG polyline.</summary>
internal static class SvgCurve
{
    private const int Width = 360;
    private const int Height = 160;
    private const int Pad = 24;

    public static string Render(string title, IReadOnlyList<(long Step, double Value)> points)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\">")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"14\" font-size=\"12\">{WebUtility.HtmlEncode(title)}</text>");
        if (points.Count > 0)
        {
            var minX = points.Min(p => p.Step);
            var maxX = Math.Max(points.Max(p => p.Step), minX + 1);
            var minY = points.Min(p => p.Value);
            var maxY = points.Max(p => p.Value);
            if (maxY - minY < 1e-12)
            {
                maxY = minY + 1;
            }

            var coords = points.Select(p => string.Create(
                CultureInfo.InvariantCulture,
                $"{Pad + ((p.Step - minX) * (Width - (2 * Pad)) / (double)(maxX - minX)):F1},{Height - Pad - ((p.Value - minY) * (Height - (2 * Pad)) / (maxY - minY)):F1}"));
            sb.Append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"").AppendJoin(' ', coords).Append("\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Height - 6}\" font-size=\"10\">{minY:G4} .. {maxY:G4}, steps {minX}..{maxX}</text>");
        }

        return sb.Append("</svg>").ToString();
    }
}
