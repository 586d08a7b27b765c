using YarnDL.Hadoop.Ipc.Client;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>The response-header fast path reads SUCCESS headers written by hand from Hadoop's wire format and declines
/// everything else, which then goes to the full parser.</summary>
public sealed class SuccessHeaderTests
{
    [Theory]
    [InlineData("08ac02" + "1000" + "1809" + "3a0400112233" + "4000", 300)] // callId 300, SUCCESS, version 9, clientId, retryCount 0
    [InlineData("1000" + "0805", 5)] // fields in any order
    [InlineData("0801" + "1000" + "4801", 1)] // stateId (field 9) skipped
    public void Success_headers_give_their_call_id(string hex, int callId)
    {
        Assert.True(SuccessHeader.TryRead(Convert.FromHexString(hex), out var read));
        Assert.Equal(callId, read);
    }

    [Theory]
    [InlineData("0805" + "1001" + "2203616263")] // ERROR with an exception class name
    [InlineData("0805" + "1002")] // FATAL
    [InlineData("0805")] // no status
    [InlineData("1000")] // no callId
    [InlineData("0805" + "1000" + "3a05aabb")] // clientId longer than what is left
    [InlineData("0d05000000" + "1000")] // callId with the fixed32 wire type
    [InlineData("0805" + "1000" + "0b")] // a group
    public void Anything_else_is_left_to_the_parser(string hex)
    {
        Assert.False(SuccessHeader.TryRead(Convert.FromHexString(hex), out _));
    }
}
