using System.Net;
using YarnDL.Hadoop;

namespace YarnDL.UnitTests.Hadoop;

public sealed class HadoopRpcClientOptionsTests
{
    [Fact]
    public void Defaults_are_hadoops_and_valid()
    {
        var options = new HadoopRpcClientOptions();

        options.Validate();
        Assert.Equal((TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(60), 134_217_728), (options.CallTimeout, options.PingInterval, options.MaxResponseLength));
    }

    [Fact]
    public void Every_violation_is_listed_and_the_client_refuses_them()
    {
        var bad = new HadoopRpcClientOptions { CallTimeout = TimeSpan.Zero, PingInterval = TimeSpan.FromSeconds(-1), MaxResponseLength = 0, Protection = [] };

        var e = Assert.Throws<ArgumentException>(bad.Validate);

        Assert.Contains("call timeout must be positive", e.Message, StringComparison.Ordinal);
        Assert.Contains("ping interval must be positive", e.Message, StringComparison.Ordinal);
        Assert.Contains("maximum response length must be positive", e.Message, StringComparison.Ordinal);
        Assert.Contains("SASL protection level", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new HadoopRpcClient(new IPEndPoint(IPAddress.Loopback, 1), "p", () => HadoopAuth.Simple("u"), bad));
    }
}
