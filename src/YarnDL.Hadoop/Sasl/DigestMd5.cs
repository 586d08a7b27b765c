using System.Security.Cryptography;
using System.Text;

namespace YarnDL.Hadoop.Sasl;

/// <summary>RFC 2831 md5-sess computations as Hadoop uses them.</summary>
internal static class DigestMd5
{
    public const string Realm = "default";
    public const string DigestUri = "/default";
    public const string Nc = "00000001";

    /// <summary>Standard Base64 of token bytes: the DIGEST username (identifier) or password.</summary>
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes);

    /// <summary>H(A1) = MD5(MD5(user:realm:password) ‖ :nonce:cnonce), the session key of the security layers.</summary>
    public static byte[] SessionKey(string username, string realm, string password, string nonce, string cnonce)
    {
#pragma warning disable CA5351 // MD5 is mandated by RFC 2831 DIGEST-MD5.
        var userHash = MD5.HashData(Encoding.UTF8.GetBytes($"{username}:{realm}:{password}"));
        return MD5.HashData([.. userHash, .. Encoding.UTF8.GetBytes($":{nonce}:{cnonce}")]);
#pragma warning restore CA5351
    }

    /// <summary>The <c>response</c> value (or, with <paramref name="forRspAuth"/>, the <c>rspauth</c> value).</summary>
    public static string Compute(byte[] sessionKey, string nonce, string cnonce, string qop, string digestUri, bool forRspAuth)
    {
#pragma warning disable CA5351 // MD5 is mandated by RFC 2831 DIGEST-MD5.
        var suffix = qop == "auth" ? string.Empty : ":00000000000000000000000000000000";
        var a2 = (forRspAuth ? ":" : "AUTHENTICATE:") + digestUri + suffix;
        var ha1 = Hex(sessionKey);
        var ha2 = Hex(MD5.HashData(Encoding.UTF8.GetBytes(a2)));
        return Hex(MD5.HashData(Encoding.UTF8.GetBytes($"{ha1}:{nonce}:{Nc}:{cnonce}:{qop}:{ha2}")));
#pragma warning restore CA5351
    }

    /// <summary>The <c>response</c> or <c>rspauth</c> value from the credentials.</summary>
    public static string Compute(string username, string realm, string password, string nonce, string cnonce, string qop, string digestUri, bool forRspAuth) =>
        Compute(SessionKey(username, realm, password, nonce, cnonce), nonce, cnonce, qop, digestUri, forRspAuth);

    public static string NewNonce(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Splits a directive list value such as <c>auth,auth-int</c> or <c>3des,rc4</c>.</summary>
    public static string[] Tokens(string value) => value.Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
