namespace YarnDL.Hadoop.Security;

/// <summary><c>Credentials.SerializedFormat</c>: the byte after <c>HDTS</c>.</summary>
public enum TokenStorageFormat
{
    Writable = 0,
    Protobuf = 1,
}
