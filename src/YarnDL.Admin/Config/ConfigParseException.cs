namespace YarnDL.Admin.Config;

/// <summary>A configuration file could not be read or is not well-formed.</summary>
public sealed class ConfigParseException : YarnDLException
{
    public ConfigParseException(string file, int line, int column, string message, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public ConfigParseException()
        : this(string.Empty, 0, 0, "configuration file could not be read")
    {
    }

    public ConfigParseException(string message)
        : this(string.Empty, 0, 0, message)
    {
    }

    public ConfigParseException(string message, Exception innerException)
        : this(string.Empty, 0, 0, message, innerException)
    {
    }

    public string File { get; }

    /// <summary>1-based line; 0 when the file could not be opened at all.</summary>
    public int Line { get; }

    /// <summary>1-based column; 0 when unknown.</summary>
    public int Column { get; }
}
