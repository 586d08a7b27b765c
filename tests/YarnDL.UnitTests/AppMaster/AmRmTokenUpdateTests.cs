using Google.Protobuf;
using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Ipc;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Security;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>Hadoop's RM repeats a rolled AMRMToken in every allocate answer until its key is the only valid one
/// (ApplicationMasterService compares it with the key the connection authenticated with): the AM takes it in, and says
/// so, once per new token.</summary>
public sealed class AmRmTokenUpdateTests
{
    [Fact]
    public async Task A_token_repeated_by_the_rm_is_taken_in_and_logged_once()
    {
        var log = new InfoCounter();
        await using var rm = new IpcResourceManager(["127.0.0.1:1"], Token(1), options: null, log);

        rm.UpdateAmRmToken(Bytes(2));
        rm.UpdateAmRmToken(Bytes(2));
        rm.UpdateAmRmToken(Bytes(2));
        Assert.Equal(1, log.Count);

        rm.UpdateAmRmToken(Bytes(3));
        Assert.Equal(2, log.Count);
    }

    private static HadoopToken Token(byte key) => new([key, 0, 0, 1], [9, key], HadoopToken.AmRmTokenKind, "");

    private static byte[] Bytes(byte key)
    {
        var t = Token(key);
        return new TokenProto { Identifier = ByteString.CopyFrom(t.Identifier), Password = ByteString.CopyFrom(t.Password), Kind = t.Kind, Service = t.Service }.ToByteArray();
    }

    private sealed class InfoCounter : ILogger
    {
        public int Count { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Information)
            {
                Count++;
            }
        }
    }
}
