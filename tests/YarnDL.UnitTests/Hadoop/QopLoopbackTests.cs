using YarnDL.Hadoop;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>Our client and server with SASL integrity and privacy layers: every frame wrapped both ways.</summary>
public sealed class QopLoopbackTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static TheoryData<string, string> Pairs => new()
    {
        { "privacy", "privacy" },
        { "integrity", "integrity" },
        { "privacy,integrity", "integrity" },
        { "integrity,privacy,authentication", "privacy,integrity" },
        { "authentication", "privacy,authentication" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Concurrent_and_large_calls_work_under_the_negotiated_layer(string serverProtection, string clientProtection)
    {
        await using var server = new LoopbackServer(allowSimple: false, protection: RpcProtection.Parse(serverProtection));
        await using var client = server.TokenClient(protection: RpcProtection.Parse(clientProtection));

        var calls = Enumerable.Range(0, 32).Select(i => client.CallAsync("allocate", new AllocateRequestProto { ResponseId = i }, AllocateResponseProto.Parser)).ToList();
        var responses = await Task.WhenAll(calls).WaitAsync(Deadline);
        Assert.Equal(Enumerable.Range(1, 32), responses.Select(r => r.ResponseId));

        // A request frame far above the 64 KiB SASL buffer goes as one wrapped message, as Hadoop's client sends it.
        var big = new FinishApplicationMasterRequestProto { Diagnostics = "appattempt_1_0001_000001", TrackingUrl = new string('x', 300_000) };
        var finished = await client.CallAsync("finishApplicationMaster", big, FinishApplicationMasterResponseProto.Parser).WaitAsync(Deadline);
        Assert.True(finished.IsUnregistered);
    }

    [Fact]
    public async Task Auth_only_client_gets_a_clear_error_from_a_privacy_server_which_keeps_serving()
    {
        await using var server = new LoopbackServer(allowSimple: false, protection: [SaslQop.Privacy]);
        await using (var authOnly = server.TokenClient())
        {
            var ex = await Assert.ThrowsAsync<HadoopSaslException>(() => authOnly.ConnectAsync().WaitAsync(Deadline));
            Assert.Contains("No common protection layer", ex.Message, StringComparison.Ordinal);
            Assert.Contains("auth-conf", ex.Message, StringComparison.Ordinal);
            Assert.Contains("hadoop.rpc.protection = authentication", ex.Message, StringComparison.Ordinal);
        }

        await using var privacy = server.TokenClient(protection: [SaslQop.Privacy]);
        var response = await privacy.CallAsync("allocate", new AllocateRequestProto { ResponseId = 7 }, AllocateResponseProto.Parser).WaitAsync(Deadline);
        Assert.Equal(8, response.ResponseId);
    }

    [Fact]
    public async Task Privacy_client_is_refused_by_an_auth_only_server()
    {
        await using var server = new LoopbackServer(allowSimple: false);
        await using var client = server.TokenClient(protection: [SaslQop.Privacy]);
        var ex = await Assert.ThrowsAsync<HadoopSaslException>(() => client.ConnectAsync().WaitAsync(Deadline));
        Assert.Contains("No common protection layer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_under_privacy_is_still_a_fatal_sasl_error()
    {
        await using var server = new LoopbackServer(allowSimple: false, protection: [SaslQop.Privacy]);
        await using var client = server.TokenClient(password: [1, 1, 1], protection: [SaslQop.Privacy]);
        var ex = await Assert.ThrowsAsync<HadoopRemoteException>(() => client.ConnectAsync().WaitAsync(Deadline));
        Assert.True(ex.IsFatal);
        Assert.Equal(HadoopExceptionNames.SaslException, ex.ClassName);
    }

    [Theory]
    [InlineData("privacy", new[] { SaslQop.Privacy })]
    [InlineData(" Integrity , PRIVACY ", new[] { SaslQop.Integrity, SaslQop.Privacy })]
    [InlineData("", new[] { SaslQop.Authentication })]
    [InlineData(null, new[] { SaslQop.Authentication })]
    public void Rpc_protection_parses_as_hadoop_does(string? value, SaslQop[] expected) =>
        Assert.Equal(expected, RpcProtection.Parse(value));

    [Fact]
    public void Unknown_rpc_protection_names_the_value_and_the_choices()
    {
        var ex = Assert.Throws<InvalidRpcProtectionException>(() => RpcProtection.Parse("privacy,secret"));
        Assert.Equal("secret", ex.Token);
        Assert.Contains("authentication, integrity, privacy", ex.Message, StringComparison.Ordinal);
    }
}
