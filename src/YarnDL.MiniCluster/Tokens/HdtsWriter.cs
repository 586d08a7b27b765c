using System.Text;
using YarnDL.Hadoop.Security;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.Tokens;

/// <summary>container_tokens as the NM writes it (HDTS, Writable format 0), and single Writable tokens as REST submissions carry them.</summary>
internal static class HdtsWriter
{
    /// <summary>The token file bytes, written by YarnDL.Hadoop's <see cref="TokenStorage"/> in the Writable format the NM uses.</summary>
    public static byte[] Write(IReadOnlyList<TokenEntry> tokens, IReadOnlyList<KeyValuePair<string, byte[]>> secrets)
    {
        var credentials = new HadoopCredentials();
        foreach (var t in tokens) credentials.Tokens.Add(new(t.Alias, new HadoopToken(t.Identifier, t.Password, t.Kind, t.Service)));
        foreach (var s in secrets) credentials.Secrets.Add(s);
        return TokenStorage.Write(credentials, TokenStorageFormat.Writable);
    }

    /// <summary>Reads one Writable token (as <c>Token.decodeFromUrlString</c> yields it).</summary>
    public static TokenEntry ReadToken(string alias, byte[] data)
    {
        var pos = 0;
        var id = ReadBytes(data, ref pos);
        var pw = ReadBytes(data, ref pos);
        var kind = Encoding.UTF8.GetString(ReadBytes(data, ref pos));
        var service = Encoding.UTF8.GetString(ReadBytes(data, ref pos));
        return new TokenEntry(alias, id, pw, kind, service);
    }

    private static long ReadVLong(byte[] d, ref int pos)
    {
        var first = (sbyte)d[pos++];
        if (first >= -112) return first;
        var n = first < -120 ? -120 - first : -112 - first;
        long v = 0;
        for (var i = 0; i < n; i++) v = (v << 8) | d[pos++];
        return first < -120 ? ~v : v;
    }

    private static byte[] ReadBytes(byte[] d, ref int pos)
    {
        var len = checked((int)ReadVLong(d, ref pos));
        if (len < 0 || pos + len > d.Length) throw new FormatException("token data truncated");
        var r = d.AsSpan(pos, len).ToArray();
        pos += len;
        return r;
    }
}
