using System.Text;
using System.Text.Json;
using YarnDL.Admin.Checks;

namespace YarnDL.Admin.Output;

/// <summary>Renders findings as one line each (<c>file:line: property: problem — fix</c>) or as JSON.</summary>
public static class FindingFormatter
{
    public static string ToText(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string where = finding.Column > 0 ? $"{finding.File}:{finding.Line}:{finding.Column}" : $"{finding.File}:{finding.Line}";
        return $"{where}: {finding.Property}: {finding.Problem} \u2014 {finding.Fix}";
    }

    public static string ToJson(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("exitCode", report.ExitCode);
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("severity", f.Severity == Severity.Error ? "error" : "warning");
                w.WriteString("file", f.File);
                w.WriteNumber("line", f.Line);
                if (f.Column > 0)
                {
                    w.WriteNumber("column", f.Column);
                }

                w.WriteString("property", f.Property);
                w.WriteString("problem", f.Problem);
                w.WriteString("fix", f.Fix);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
