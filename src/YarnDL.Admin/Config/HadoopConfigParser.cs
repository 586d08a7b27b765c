using System.Xml;

namespace YarnDL.Admin.Config;

/// <summary>
/// Reads Hadoop's configuration XML: a <c>&lt;configuration&gt;</c> root holding <c>&lt;property&gt;</c>
/// elements with <c>&lt;name&gt;</c>/<c>&lt;value&gt;</c> children (or <c>name</c>/<c>value</c> attributes).
/// Names and values are trimmed, as Hadoop does.
/// </summary>
public static class HadoopConfigParser
{
    public static HadoopConfigFile ParseFile(string path) => Parse(path, ConfigFileText.Read(path));

    public static HadoopConfigFile Parse(string path, string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = ConfigFileText.XmlReaderOver(xml);
        var info = (IXmlLineInfo)reader;
        try
        {
            return ReadDocument(path, reader, info);
        }
        catch (XmlException e)
        {
            throw new ConfigParseException(path, e.LineNumber, e.LinePosition, $"malformed XML: {StripPosition(e.Message)}", e);
        }
    }

    private static HadoopConfigFile ReadDocument(string path, XmlReader reader, IXmlLineInfo info)
    {
        var properties = new List<HadoopProperty>();
        int rootLine = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth == 0)
            {
                rootLine = info.LineNumber;
                if (reader.LocalName != "configuration")
                {
                    throw new ConfigParseException(path, info.LineNumber, info.LinePosition,
                        $"root element is <{reader.LocalName}>, expected <configuration>");
                }
            }
            else if (reader.Depth == 1 && reader.LocalName == "property")
            {
                var p = ReadProperty(path, reader, info);
                if (p is not null)
                {
                    properties.Add(p);
                }
            }
        }

        if (rootLine == 0)
        {
            throw new ConfigParseException(path, 1, 1, "no <configuration> element");
        }

        return new HadoopConfigFile(path, rootLine, properties);
    }

    private static HadoopProperty? ReadProperty(string path, XmlReader reader, IXmlLineInfo info)
    {
        int line = info.LineNumber, column = info.LinePosition;
        string? name = reader.GetAttribute("name");
        string? value = reader.GetAttribute("value");
        if (reader.IsEmptyElement)
        {
            return name is null ? null : new HadoopProperty(name.Trim(), value?.Trim() ?? string.Empty, line, column);
        }

        int depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "name")
            {
                line = info.LineNumber;
                column = info.LinePosition;
                name = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "value")
            {
                value = reader.ReadElementContentAsString();
            }
            else
            {
                reader.Read();
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConfigParseException(path, line, column, "<property> without a <name>");
        }

        return new HadoopProperty(name.Trim(), value?.Trim() ?? string.Empty, line, column);
    }

    private static string StripPosition(string message)
    {
        int i = message.IndexOf(" Line ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
