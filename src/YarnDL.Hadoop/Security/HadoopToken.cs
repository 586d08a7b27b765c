using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.Hadoop.Security;

/// <summary>A Hadoop token: identifier and password bytes (byte-exact), kind and service.</summary>
public sealed record HadoopToken(byte[] Identifier, byte[] Password, string Kind, string Service)
{
    public const string AmRmTokenKind = "YARN_AM_RM_TOKEN";
    public const string NMTokenKind = "NMToken";
    public const string ContainerTokenKind = "ContainerToken";

    /// <summary>TOKEN auth for <see cref="HadoopRpcClient"/>.</summary>
    public HadoopAuth ToAuth() => HadoopAuth.Token(Identifier, Password);

    public TokenProto ToProto() => new()
    {
        Identifier = ByteString.CopyFrom(Identifier),
        Password = ByteString.CopyFrom(Password),
        Kind = Kind,
        Service = Service,
    };

    public static HadoopToken FromProto(TokenProto proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        return new HadoopToken(proto.Identifier.ToByteArray(), proto.Password.ToByteArray(), proto.Kind, proto.Service);
    }
}
