using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.Tokens;

namespace YarnDL.UnitTests.MiniCluster;

public sealed class HdtsWriterTests
{
    // AMRMTokenIdentifierProto{appAttemptId{application_id{id=1, cluster_timestamp=1700000000000}, attemptId=1}, keyId=12345}.
    private const string SpecIdentifierHex = "0a0d0a0908011080d095ffbc31100110b960";

    // Vectors worked out by hand from WritableUtils.writeVLong's encoding rules.
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
    public void WriteVLong_matches_spec_examples(long value, string hex)
    {
        using var ms = new MemoryStream();
        YarnDL.Hadoop.Security.WritableIO.WriteVLong(ms, value);
        Assert.Equal(hex, Convert.ToHexStringLower(ms.ToArray()));
    }

    [Fact]
    public void Write_one_amrm_token_matches_the_66_byte_spec_example()
    {
        var identifier = Convert.FromHexString(SpecIdentifierHex);
        var password = Enumerable.Range(0xa0, 20).Select(i => (byte)i).ToArray();
        var bytes = HdtsWriter.Write([new TokenEntry("", identifier, password, "YARN_AM_RM_TOKEN", "")], []);

        var expected = "48445453" + "00" + "01" + "00" + "12" + SpecIdentifierHex
            + "14" + Convert.ToHexStringLower(password) + "10" + Convert.ToHexStringLower("YARN_AM_RM_TOKEN"u8.ToArray()) + "00" + "00";
        Assert.Equal(66, bytes.Length);
        Assert.Equal(expected, Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void AmRmToken_identifier_encoding_matches_spec_example()
    {
        var id = AmRmTokenIssuer.EncodeIdentifier(1700000000000, 1, 1, 12345);
        Assert.Equal(SpecIdentifierHex, Convert.ToHexStringLower(id));
    }

    [Fact]
    public void Issued_token_verifies_and_a_tampered_one_does_not()
    {
        using var issuer = new AmRmTokenIssuer(TimeProvider.System, rollingInterval: null, TimeSpan.FromMinutes(1));
        var t = issuer.Issue(1700000000000, 3, 2);
        Assert.Equal("YARN_AM_RM_TOKEN", t.Kind);
        Assert.True(issuer.Verify(t.Identifier, t.Password));
        var bad = (byte[])t.Password.Clone();
        bad[0] ^= 1;
        Assert.False(issuer.Verify(t.Identifier, bad));
    }
}
