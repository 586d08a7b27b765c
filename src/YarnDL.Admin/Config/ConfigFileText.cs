using System.Xml;

namespace YarnDL.Admin.Config;

/// <summary>What the three configuration parsers share: reading the file, and a safe XML reader over its text.</summary>
internal static class ConfigFileText
{
    /// <summary>The file's text; a file that cannot be read is a <see cref="ConfigParseException"/> naming it.</summary>
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigParseException(path, 0, 0, $"cannot read the file: {e.Message}", e);
        }
    }

    /// <summary>An XML reader that resolves nothing external and skips comments.</summary>
    public static XmlReader XmlReaderOver(string xml) =>
        XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true });
}
