using System.Security.Cryptography;
using Google.Protobuf;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.Hadoop.Security;

/// <summary>Mints YARN tokens the way Hadoop's secret managers do: password = HMAC-SHA1(master key, identifier bytes).</summary>
public static class YarnTokenSecrets
{
    /// <summary>Hadoop's <c>SecretManager.createPassword</c> with the default HmacSHA1.</summary>
#pragma warning disable CA5350 // Hadoop's token passwords are HmacSHA1 by definition.
    public static byte[] ComputePassword(byte[] identifier, byte[] masterKey) => HMACSHA1.HashData(masterKey, identifier);
#pragma warning restore CA5350

    public static HadoopToken MintAmRmToken(AMRMTokenIdentifierProto identifier, byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var bytes = identifier.ToByteArray();
        return new HadoopToken(bytes, ComputePassword(bytes, masterKey), HadoopToken.AmRmTokenKind, string.Empty);
    }

    public static HadoopToken MintNMToken(NMTokenIdentifierProto identifier, byte[] masterKey, string service)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var bytes = identifier.ToByteArray();
        return new HadoopToken(bytes, ComputePassword(bytes, masterKey), HadoopToken.NMTokenKind, service);
    }

    public static AMRMTokenIdentifierProto ParseAmRmIdentifier(byte[] identifier) => AMRMTokenIdentifierProto.Parser.ParseFrom(identifier);

    public static NMTokenIdentifierProto ParseNMIdentifier(byte[] identifier) => NMTokenIdentifierProto.Parser.ParseFrom(identifier);
}
