using YarnDL.Hadoop;
using YarnDL.Hadoop.Sasl;

namespace YarnDL.UnitTests.Hadoop;

public sealed class DigestMd5Tests
{
    // RFC 2831 test vector; expected values re-computed independently with python3 hashlib (RFC 2831 formula).
    private const string Nonce = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    private const string Cnonce = "MTIzNDU2Nzg5MDEy";
    private const string ExpectedResponse = "576697202725cbaca9ec2dc7598cf9d2";
    private const string ExpectedRspAuth = "07e3b0a94ed70859b001850826924367";

    private static byte[] Identifier => Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();

    private static byte[] Password => Enumerable.Range(0x64, 20).Select(i => (byte)i).ToArray();

    [Fact]
    public void Client_response_matches_rfc2831_vector()
    {
        var client = new DigestMd5Client(Identifier, Password);
        var response = client.Respond($"realm=\"default\",nonce=\"{Nonce}\",qop=\"auth\",charset=utf-8,algorithm=md5-sess", Cnonce);

        Assert.Contains("username=\"AQIDBAUGBwgJCgsMDQ4PEBESExQ=\"", response, StringComparison.Ordinal);
        Assert.Contains("digest-uri=\"/default\"", response, StringComparison.Ordinal);
        Assert.Contains("response=" + ExpectedResponse, response, StringComparison.Ordinal);
        Assert.Contains("qop=auth", response, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_accepts_expected_rspauth_and_rejects_other()
    {
        var client = new DigestMd5Client(Identifier, Password);
        client.Respond($"nonce=\"{Nonce}\",realm=\"default\",algorithm=md5-sess", Cnonce);
        Assert.Throws<HadoopSaslException>(() => client.VerifySuccess("rspauth=00000000000000000000000000000000"));
        client.VerifySuccess("rspauth=" + ExpectedRspAuth);
        Assert.True(client.IsComplete);
    }

    [Theory]
    [InlineData("auth-conf")]
    [InlineData("auth-int,auth-conf")]
    public void Client_rejects_server_that_insists_on_privacy_or_integrity(string qop)
    {
        var client = new DigestMd5Client(Identifier, Password);
        var ex = Assert.Throws<HadoopSaslException>(() => client.Respond($"realm=\"default\",nonce=\"{Nonce}\",qop=\"{qop}\",algorithm=md5-sess"));
        Assert.Contains("qop", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonce=\"unterminated")]
    [InlineData("realm=default")]
    [InlineData("=,=,=")]
    public void Client_rejects_garbage_challenges(string challenge)
    {
        var client = new DigestMd5Client(Identifier, Password);
        Assert.Throws<HadoopSaslException>(() => client.Respond(challenge));
    }

    [Fact]
    public void Server_verifies_client_and_returns_matching_rspauth()
    {
        var server = new DigestMd5Server(id => id.SequenceEqual(Identifier) ? Password : null);
        var client = new DigestMd5Client(Identifier, Password);
        var (identifier, rspauth, _) = server.Verify(client.Respond(server.Challenge));
        Assert.Equal(Identifier, identifier);
        client.VerifySuccess(rspauth);
    }

    [Fact]
    public void Server_rejects_wrong_password_and_unknown_token()
    {
        var wrong = new DigestMd5Server(_ => new byte[] { 9, 9, 9 });
        var client = new DigestMd5Client(Identifier, Password);
        var mismatch = Assert.Throws<SaslRejectedException>(() => wrong.Verify(client.Respond(wrong.Challenge)));
        Assert.Equal(HadoopExceptionNames.SaslException, mismatch.ClassName);

        var unknown = new DigestMd5Server(_ => null);
        var invalid = Assert.Throws<SaslRejectedException>(() => unknown.Verify(new DigestMd5Client(Identifier, Password).Respond(unknown.Challenge)));
        Assert.Equal(HadoopExceptionNames.InvalidToken, invalid.ClassName);
    }
}
