using YarnDL.Hadoop;
using YarnDL.Hadoop.Sasl;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>Tamper, replay and reordering checks of the security layer on JDK-wrapped messages.</summary>
public sealed class DigestSecurityLayerTests
{
    [Theory]
    [InlineData("auth-int")]
    [InlineData("auth-conf-3des")]
    [InlineData("auth-conf-des")]
    [InlineData("auth-conf-rc4")]
    public void A_flipped_bit_anywhere_in_a_jdk_message_is_refused(string name)
    {
        var (_, wrapped) = JdkDigestVector.Load(name).ServerToClient[0];
        for (var i = 0; i < wrapped.Length; i++)
        {
            var tampered = (byte[])wrapped.Clone();
            tampered[i] ^= 0x01;
            using var layer = ClientLayer(name);
            Assert.Throws<HadoopSaslException>(() => layer.Unwrap(tampered));
        }
    }

    [Theory]
    [InlineData("auth-int")]
    [InlineData("auth-conf-rc4-40")]
    public void Messages_out_of_order_or_replayed_are_refused(string name)
    {
        var v = JdkDigestVector.Load(name);
        using (var layer = ClientLayer(name))
        {
            // auth-int names the sequence number; with RC4 the keystream is out of step, so the MAC fails first.
            var ex = Assert.Throws<HadoopSaslException>(() => layer.Unwrap(v.ServerToClient[1].Wrapped));
            Assert.Contains(name == "auth-int" ? "Out of order" : "unmatched MAC", ex.Message, StringComparison.Ordinal);
        }

        if (name == "auth-int")
        {
            using var replay = ClientLayer(name);
            replay.Unwrap(v.ServerToClient[0].Wrapped);
            Assert.Throws<HadoopSaslException>(() => replay.Unwrap(v.ServerToClient[0].Wrapped));
        }
    }

    [Fact]
    public void Truncated_messages_are_refused_not_crashed()
    {
        var (_, wrapped) = JdkDigestVector.Load("auth-conf-3des").ServerToClient[0];
        using var layer = ClientLayer("auth-conf-3des");
        Assert.Throws<HadoopSaslException>(() => layer.Unwrap(wrapped.AsSpan(0, 10)));
        Assert.Throws<HadoopSaslException>(() => layer.Unwrap(wrapped.AsSpan(3)));
    }

    [Fact]
    public void Des_parity_expansion_spreads_seven_bits_per_byte_with_odd_parity()
    {
        // 0xFF x7 -> every byte 0xFE plus parity: 7 one-bits is odd already, so 0xFE.
        Assert.Equal(Convert.FromHexString("FEFEFEFEFEFEFEFE"), DesCbcCipher.AddDesParity(Convert.FromHexString("FFFFFFFFFFFFFF")));
        Assert.Equal(Convert.FromHexString("0101010101010101"), DesCbcCipher.AddDesParity(new byte[7]));
    }

    private static DigestSecurityLayer ClientLayer(string name)
    {
        var v = JdkDigestVector.Load(name);
        var cipher = v.ResponseDirective("qop") == "auth-conf" ? v.ResponseDirective("cipher") : null;
        var client = new DigestMd5Client(JdkDigestVector.Identifier, JdkDigestVector.Password, v.ClientQops);
        client.Respond(cipher is null ? v.Challenge : v.ChallengeOffering(cipher), v.ResponseDirective("cnonce"));
        client.VerifySuccess(v.RspAuth);
        return client.SecurityLayer!;
    }
}
