using YarnDL.Hadoop;
using YarnDL.Hadoop.Sasl;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>Our DIGEST-MD5 client and server against exchanges recorded from the JDK's implementation: the same
/// response, rspauth, session keys and wrapped bytes from the same inputs, in both roles.</summary>
public sealed class DigestMd5JdkVectorTests
{
    public static TheoryData<string, string?> Layers => new()
    {
        { "auth-int", null },
        { "auth-conf-3des", DigestCiphers.TripleDes },
        { "auth-conf-des", DigestCiphers.Des },
        { "auth-conf-rc4", DigestCiphers.Rc4 },
        { "auth-conf-rc4-56", DigestCiphers.Rc4With56 },
        { "auth-conf-rc4-40", DigestCiphers.Rc4With40 },
        { "auth-conf-default", DigestCiphers.TripleDes },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Our_client_answers_a_jdk_challenge_as_the_jdk_client_did_and_speaks_its_layer(string name, string? cipher)
    {
        var v = JdkDigestVector.Load(name);
        var client = new DigestMd5Client(JdkDigestVector.Identifier, JdkDigestVector.Password, v.ClientQops);
        var challenge = cipher is null ? v.Challenge : v.ChallengeOffering(cipher);

        var ours = DigestDirectives.Parse(client.Respond(challenge, v.ResponseDirective("cnonce")));

        Assert.Equal(v.ResponseDirective("response"), ours["response"]);
        Assert.Equal(v.ResponseDirective("qop"), ours["qop"]);
        Assert.Equal(cipher, ours.GetValueOrDefault("cipher"));
        client.VerifySuccess(v.RspAuth);
        using var layer = client.SecurityLayer!;
        foreach (var (plain, wrapped) in v.ClientToServer)
        {
            Assert.Equal(Convert.ToHexString(wrapped), Convert.ToHexString(layer.Wrap(plain)));
        }

        foreach (var (plain, wrapped) in v.ServerToClient)
        {
            Assert.Equal(plain, layer.Unwrap(wrapped));
        }
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Our_server_accepts_a_jdk_response_with_the_jdk_rspauth_and_speaks_its_layer(string name, string? cipher)
    {
        var v = JdkDigestVector.Load(name);
        var server = new DigestMd5Server(id => id.SequenceEqual(JdkDigestVector.Identifier) ? JdkDigestVector.Password : null, v.ServerQops, v.ResponseDirective("nonce"));

        var result = server.Verify(v.Response);

        Assert.Equal(v.RspAuth, result.RspAuth);
        using var layer = result.SecurityLayer!;
        Assert.Equal(cipher, layer.Cipher);
        foreach (var (plain, wrapped) in v.ClientToServer)
        {
            Assert.Equal(plain, layer.Unwrap(wrapped));
        }

        foreach (var (plain, wrapped) in v.ServerToClient)
        {
            Assert.Equal(Convert.ToHexString(wrapped), Convert.ToHexString(layer.Wrap(plain)));
        }
    }

    [Fact]
    public void Our_server_challenge_has_the_jdk_server_shape()
    {
        var v = JdkDigestVector.Load("auth-conf-default");
        var nonce = v.ResponseDirective("nonce");
        var server = new DigestMd5Server(_ => null, v.ServerQops, nonce);
        Assert.Equal(v.Challenge, server.Challenge);

        var plain = JdkDigestVector.Load("prefer-client-order");
        Assert.Equal(plain.Challenge, new DigestMd5Server(_ => null, plain.ServerQops, plain.ResponseDirective("nonce")).Challenge);
    }

    [Fact]
    public void Client_prefers_its_own_qop_order_as_the_jdk_client()
    {
        var v = JdkDigestVector.Load("prefer-client-order");
        var client = new DigestMd5Client(JdkDigestVector.Identifier, JdkDigestVector.Password, v.ClientQops);
        var ours = DigestDirectives.Parse(client.Respond(v.Challenge, v.ResponseDirective("cnonce")));
        Assert.Equal("auth-int", ours["qop"]);
        Assert.Equal(v.ResponseDirective("response"), ours["response"]);
    }

    [Fact]
    public void Client_allowing_only_auth_refuses_a_privacy_server_with_the_jdk_message()
    {
        var v = JdkDigestVector.Load("no-common-qop");
        var client = new DigestMd5Client(JdkDigestVector.Identifier, JdkDigestVector.Password, v.ClientQops);
        var ex = Assert.Throws<HadoopSaslException>(() => client.Respond(v.Challenge));
        Assert.StartsWith(v.ClientError!, ex.Message, StringComparison.Ordinal);
        Assert.Contains("hadoop.rpc.protection", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_requiring_privacy_refuses_a_jdk_auth_response()
    {
        var v = JdkDigestVector.Load("auth");
        var server = new DigestMd5Server(_ => JdkDigestVector.Password, [SaslQop.Privacy], v.ResponseDirective("nonce"));
        var ex = Assert.Throws<SaslRejectedException>(() => server.Verify(v.Response));
        Assert.Equal(HadoopExceptionNames.SaslException, ex.ClassName);
        Assert.Equal("DIGEST-MD5: server does not support  qop: auth", ex.Message);
    }

    [Fact]
    public void Auth_vector_still_matches_without_a_layer()
    {
        var v = JdkDigestVector.Load("auth");
        var client = new DigestMd5Client(JdkDigestVector.Identifier, JdkDigestVector.Password);
        var ours = DigestDirectives.Parse(client.Respond(v.Challenge, v.ResponseDirective("cnonce")));
        Assert.Equal(v.ResponseDirective("response"), ours["response"]);
        client.VerifySuccess(v.RspAuth);
        Assert.Null(client.SecurityLayer);
    }
}
