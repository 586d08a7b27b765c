using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;

namespace YarnDL.UnitTests.Hadoop;

public sealed class TokenStorageTests
{
    // A 66-byte HDTS file written by hand from Credentials.writeTokenStorageToStream's layout.
    private const string ExampleHex =
        "48445453" + "00" + "01" + "00" + "12" + "0a0d0a09080110" + "80d095ffbc31" + "1001" + "10b960" + "14"
        + "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3" + "10" + "5941524e5f414d5f524d5f544f4b454e" + "00" + "00";

    private const string IdentifierHex = "0a0d0a0908011080d095ffbc31100110b960";

    [Fact]
    public void Spec_example_is_66_bytes_and_reads()
    {
        var bytes = Convert.FromHexString(ExampleHex);
        Assert.Equal(66, bytes.Length);
        var credentials = TokenStorage.Read(bytes);
        var token = Assert.Single(credentials.Tokens);
        Assert.Equal(string.Empty, token.Key);
        Assert.Equal("YARN_AM_RM_TOKEN", token.Value.Kind);
        Assert.Equal(string.Empty, token.Value.Service);
        Assert.Equal(Convert.FromHexString(IdentifierHex), token.Value.Identifier);
        Assert.Equal(20, token.Value.Password.Length);
        Assert.Empty(credentials.Secrets);
        var id = YarnTokenSecrets.ParseAmRmIdentifier(token.Value.Identifier);
        Assert.Equal("appattempt_1700000000000_0001_000001", ApplicationAttemptId.FromProto(id.AppAttemptId).ToString());
        Assert.Equal(12345, id.KeyId);
    }

    [Fact]
    public void Writable_write_reproduces_spec_example()
    {
        var identifier = new AMRMTokenIdentifierProto
        {
            AppAttemptId = ApplicationAttemptId.Parse("appattempt_1700000000000_0001_000001").ToProto(),
            KeyId = 12345,
        };
        Assert.Equal(Convert.FromHexString(IdentifierHex), Google.Protobuf.MessageExtensions.ToByteArray(identifier));
        var password = Enumerable.Range(0xa0, 20).Select(i => (byte)i).ToArray();
        var credentials = new HadoopCredentials();
        credentials.Tokens.Add(new(string.Empty, new HadoopToken(Convert.FromHexString(IdentifierHex), password, HadoopToken.AmRmTokenKind, string.Empty)));
        Assert.Equal(Convert.FromHexString(ExampleHex), TokenStorage.Write(credentials));
    }

    [Fact]
    public void Protobuf_format_round_trips_tokens_and_secrets()
    {
        var credentials = new HadoopCredentials();
        credentials.Tokens.Add(new("alias", new HadoopToken([1, 2], [3, 4], "NMToken", "10.0.0.1:45454")));
        credentials.Secrets.Add(new("s", [9, 8, 7]));
        var bytes = TokenStorage.Write(credentials, TokenStorageFormat.Protobuf);
        Assert.Equal("HDTS"u8.ToArray().Append((byte)1), bytes[..5]);
        var back = TokenStorage.Read(bytes);
        Assert.Equal("10.0.0.1:45454", back.FindByKind("NMToken")!.Service);
        Assert.Equal(new byte[] { 9, 8, 7 }, Assert.Single(back.Secrets).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("48445453")]
    [InlineData("4844545300")]
    [InlineData("58445453000000")]
    [InlineData("484454530001007f")]
    [InlineData("4844545307")]
    [InlineData("48445453008f")]
    public void Malformed_files_are_rejected(string hex)
    {
        Assert.Throws<InvalidDataException>(() => TokenStorage.Read(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData(0L, "00")]
    [InlineData(20L, "14")]
    [InlineData(127L, "7f")]
    [InlineData(128L, "8f80")]
    [InlineData(255L, "8fff")]
    [InlineData(256L, "8e0100")]
    [InlineData(65536L, "8d010000")]
    [InlineData(-1L, "ff")]
    [InlineData(-112L, "90")]
    [InlineData(-113L, "8770")]
    [InlineData(-257L, "860100")]
    public void VLong_matches_spec_examples(long value, string hex)
    {
        using var output = new MemoryStream();
        WritableIO.WriteVLong(output, value);
        Assert.Equal(Convert.FromHexString(hex), output.ToArray());
        Assert.Equal(value, WritableIO.ReadVLong(new MemoryStream(Convert.FromHexString(hex))));
    }

    [Fact]
    public void Password_is_hmac_sha1_of_identifier()
    {
        // HMAC-SHA1(key="key", "The quick brown fox jumps over the lazy dog") from RFC 2104 / Wikipedia test data.
        var mac = YarnTokenSecrets.ComputePassword("The quick brown fox jumps over the lazy dog"u8.ToArray(), "key"u8.ToArray());
        Assert.Equal("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9", Convert.ToHexStringLower(mac));
    }
}
