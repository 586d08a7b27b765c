using System.Text;

namespace YarnDL.Hadoop.Sasl;

/// <summary>Parses RFC 2831 <c>key=value</c> lists (values optionally quoted, backslash escapes).</summary>
internal static class DigestDirectives
{
    public static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                throw new HadoopSaslException("Malformed DIGEST-MD5 directive list: missing '='.");
            }

            var key = text[i..eq].Trim();
            i = eq + 1;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new HadoopSaslException("Malformed DIGEST-MD5 directive list: unterminated quote.");
                    }

                    var c = text[i++];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\' && i < text.Length)
                    {
                        c = text[i++];
                    }

                    value.Append(c);
                }
            }
            else
            {
                var end = text.IndexOf(',', i);
                end = end < 0 ? text.Length : end;
                value.Append(text.AsSpan(i, end - i).Trim());
                i = end;
            }

            if (key.Length == 0 || !result.TryAdd(key, value.ToString()))
            {
                throw new HadoopSaslException($"Malformed or duplicate DIGEST-MD5 directive '{key}'.");
            }
        }

        return result;
    }
}
