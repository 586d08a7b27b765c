using System.Security.Cryptography;
using System.Text;

namespace YarnDL.AppMaster.Web;

/// <summary>The per-application task secret, compared in constant time.</summary>
internal sealed class SecretCheck(string secret)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(secret);

    public string Value { get; } = secret;

    public static SecretCheck CreateRandom() => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_expected, Encoding.UTF8.GetBytes(presented));
}
