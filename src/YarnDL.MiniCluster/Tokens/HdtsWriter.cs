using System.Text;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.Tokens;

/// <summary>Writes Hadoop's token storage ("HDTS", Writable format 0) as the NM writes <c>container_tokens</c>.</summary>
internal static class HdtsWriter
{
    public static byte[] Write(IReadOnlyList<TokenEntry> tokens, IReadOnlyList<KeyValuePair<string, byte[]>> secrets)
    {
        using var ms = new MemoryStream();
        ms.Write("HDTS"u8);
        ms.WriteByte(0);
        WriteVLong(ms, tokens.Count);
        foreach (var t in tokens)
        {
            WriteText(ms, t.Alias);
            WriteBytes(ms, t.Identifier);
            WriteBytes(ms, t.Password);
            WriteText(ms, t.Kind);
            WriteText(ms, t.Service);
        }

        WriteVLong(ms, secrets.Count);
        foreach (var (alias, secret) in secrets)
        {
            WriteText(ms, alias);
            WriteBytes(ms, secret);
        }

        return ms.ToArray();
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

    private static void WriteText(Stream s, string text) => WriteBytes(s, Encoding.UTF8.GetBytes(text));

    private static void WriteBytes(Stream s, byte[] bytes)
    {
        WriteVLong(s, bytes.Length);
        s.Write(bytes);
    }

    /// <summary>Hadoop's <c>WritableUtils.writeVLong</c>.</summary>
    public static void WriteVLong(Stream s, long v)
    {
        if (v is >= -112 and <= 127)
        {
            s.WriteByte(unchecked((byte)(sbyte)v));
            return;
        }

        var len = -112;
        if (v < 0)
        {
            v = ~v;
            len = -120;
        }

        for (var tmp = v; tmp != 0; tmp >>= 8) len--;
        s.WriteByte(unchecked((byte)(sbyte)len));
        var n = len < -120 ? -(len + 120) : -(len + 112);
        for (var i = n; i != 0; i--) s.WriteByte((byte)((v >> ((i - 1) * 8)) & 0xFF));
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
