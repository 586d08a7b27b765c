using System.Text;

namespace YarnDL.TaskProtocol;

/// <summary>Carries a structured value (JSON) through a YARN launch-context environment variable unchanged.
/// The NodeManager writes every variable into <c>launch_container.sh</c> as <c>export KEY="VALUE"</c> with VALUE
/// verbatim, so bash would strip the quotes inside JSON and expand <c>$</c> and backquotes. The AM therefore
/// sends such values as <c>base64:</c> followed by the standard base64 of their UTF-8 bytes: that alphabet
/// (<c>A–Z a–z 0–9 + / =</c>) means nothing to bash inside double quotes. A value without the prefix is taken
/// as it is, so a person can still set plain JSON by hand when running a task outside YARN.</summary>
public static class TaskEnvValue
{
    /// <summary>Marks an encoded value.</summary>
    public const string Base64Prefix = "base64:";

    /// <summary>Encodes <paramref name="value"/> so it survives YARN's launch script.</summary>
    public static string Encode(string value) => Base64Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    /// <summary>The original value of an encoded variable, or the variable itself when it is not encoded; null stays null.</summary>
    /// <exception cref="TaskEnvValueException">The value has the prefix but is not valid base64 or UTF-8.</exception>
    public static string? Decode(string name, string? raw)
    {
        if (raw is null || !raw.StartsWith(Base64Prefix, StringComparison.Ordinal))
        {
            return raw;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(raw[Base64Prefix.Length..]));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new TaskEnvValueException(name, e.Message);
        }
    }
}
