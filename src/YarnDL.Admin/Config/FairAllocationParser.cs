using System.Xml;

namespace YarnDL.Admin.Config;

/// <summary>Reads a FairScheduler allocation file (<c>&lt;allocations&gt;</c> root).</summary>
public static class FairAllocationParser
{
    public static FairAllocationFile ParseFile(string path) => Parse(path, ConfigFileText.Read(path));

    public static FairAllocationFile Parse(string path, string xml)
    {
        using var reader = ConfigFileText.XmlReaderOver(xml);
        var info = (IXmlLineInfo)reader;
        int rootLine = 0, defaultLine = 0;
        string? defaultPolicy = null;
        var queues = new Stack<string>();
        var policies = new List<(string, string, int)>();
        bool positioned = false;
        try
        {
            while (positioned || reader.Read())
            {
                positioned = false;
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "queue" && queues.Count > 0)
                {
                    queues.Pop();
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Depth == 0)
                {
                    rootLine = info.LineNumber;
                    if (reader.LocalName != "allocations")
                    {
                        throw new ConfigParseException(path, info.LineNumber, info.LinePosition,
                            $"root element is <{reader.LocalName}>, expected <allocations>");
                    }
                }
                else if (reader.LocalName == "queue")
                {
                    string name = reader.GetAttribute("name") ?? "?";
                    if (!reader.IsEmptyElement)
                    {
                        queues.Push(queues.Count == 0 ? name : $"{queues.Peek()}.{name}");
                    }
                }
                else if (reader.LocalName == "defaultQueueSchedulingPolicy" && reader.Depth == 1)
                {
                    defaultLine = info.LineNumber;
                    defaultPolicy = reader.ReadElementContentAsString().Trim();
                    positioned = true;
                }
                else if (reader.LocalName == "schedulingPolicy" && queues.Count > 0)
                {
                    int line = info.LineNumber;
                    string queue = queues.Peek();
                    policies.Add((queue, reader.ReadElementContentAsString().Trim(), line));
                    positioned = true;
                }
            }
        }
        catch (XmlException e)
        {
            throw new ConfigParseException(path, e.LineNumber, e.LinePosition, $"malformed XML: {e.Message}", e);
        }

        if (rootLine == 0)
        {
            throw new ConfigParseException(path, 1, 1, "no <allocations> element");
        }

        return new FairAllocationFile(path, rootLine, defaultPolicy, defaultLine, policies);
    }
}
