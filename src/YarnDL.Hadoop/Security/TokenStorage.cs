using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.Hadoop.Security;

/// <summary>Reads and writes the "HDTS" token storage file (HADOOP_TOKEN_FILE_LOCATION).</summary>
public static class TokenStorage
{
    private const int MaxFieldLength = 16 * 1024 * 1024;
    private static readonly byte[] Magic = "HDTS"u8.ToArray();

    public static HadoopCredentials Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream(data, writable: false);
        try
        {
            return Read(stream);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidProtocolBufferException)
        {
            throw new InvalidDataException("Truncated or malformed token storage: " + ex.Message, ex);
        }
    }

    public static HadoopCredentials ReadFile(string path) => Read(File.ReadAllBytes(path));

    public static byte[] Write(HadoopCredentials credentials, TokenStorageFormat format = TokenStorageFormat.Writable)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        using var stream = new MemoryStream();
        stream.Write(Magic);
        stream.WriteByte((byte)format);
        if (format == TokenStorageFormat.Protobuf)
        {
            var proto = new CredentialsProto();
            proto.Tokens.AddRange(credentials.Tokens.Select(t => new CredentialsKVProto { Alias = t.Key, Token = t.Value.ToProto() }));
            proto.Secrets.AddRange(credentials.Secrets.Select(s => new CredentialsKVProto { Alias = s.Key, Secret = ByteString.CopyFrom(s.Value) }));
            proto.WriteDelimitedTo(stream);
        }
        else
        {
            WritableIO.WriteVLong(stream, credentials.Tokens.Count);
            foreach (var (alias, token) in credentials.Tokens)
            {
                WritableIO.WriteText(stream, alias);
                WritableIO.WriteBytes(stream, token.Identifier);
                WritableIO.WriteBytes(stream, token.Password);
                WritableIO.WriteText(stream, token.Kind);
                WritableIO.WriteText(stream, token.Service);
            }

            WritableIO.WriteVLong(stream, credentials.Secrets.Count);
            foreach (var (alias, secret) in credentials.Secrets)
            {
                WritableIO.WriteText(stream, alias);
                WritableIO.WriteBytes(stream, secret);
            }
        }

        return stream.ToArray();
    }

    private static HadoopCredentials Read(Stream stream)
    {
        var header = new byte[5];
        stream.ReadExactly(header);
        if (!header.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a Hadoop token storage file (magic is not HDTS).");
        }

        var credentials = new HadoopCredentials();
        switch (header[4])
        {
            case (byte)TokenStorageFormat.Writable:
                ReadWritable(stream, credentials);
                break;
            case (byte)TokenStorageFormat.Protobuf:
                var proto = CredentialsProto.Parser.ParseDelimitedFrom(stream);
                foreach (var kv in proto.Tokens.Where(kv => kv.Token is not null))
                {
                    credentials.Tokens.Add(new(kv.Alias, HadoopToken.FromProto(kv.Token)));
                }

                foreach (var kv in proto.Secrets)
                {
                    credentials.Secrets.Add(new(kv.Alias, kv.Secret.ToByteArray()));
                }

                break;
            default:
                throw new InvalidDataException($"Unknown token storage format {header[4]}.");
        }

        return credentials;
    }

    private static void ReadWritable(Stream stream, HadoopCredentials credentials)
    {
        var tokens = WritableIO.ReadVInt(stream);
        for (var i = 0; i < tokens; i++)
        {
            var alias = WritableIO.ReadText(stream, MaxFieldLength);
            var identifier = WritableIO.ReadBytes(stream, MaxFieldLength);
            var password = WritableIO.ReadBytes(stream, MaxFieldLength);
            var kind = WritableIO.ReadText(stream, MaxFieldLength);
            var service = WritableIO.ReadText(stream, MaxFieldLength);
            credentials.Tokens.Add(new(alias, new HadoopToken(identifier, password, kind, service)));
        }

        var secrets = WritableIO.ReadVInt(stream);
        for (var i = 0; i < secrets; i++)
        {
            credentials.Secrets.Add(new(WritableIO.ReadText(stream, MaxFieldLength), WritableIO.ReadBytes(stream, MaxFieldLength)));
        }
    }
}
