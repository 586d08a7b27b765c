using Google.Protobuf;
using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Protos.Common;

namespace YarnDL.UnitTests.AppMaster;

public sealed class LaunchContextMapperTests
{
    private static readonly TokenProto ContainerToken = new()
    {
        Identifier = ByteString.CopyFrom(1, 2),
        Password = ByteString.CopyFrom(3),
        Kind = "ContainerToken",
        Service = "10.0.0.5:45454",
    };

    private static AllocatedContainer Container() => new(
        "container_1700000000000_0001_01_000002", "10.0.0.5:45454", "10.0.0.5:8042", new Capability(512, 1, 0), 1, 0, ContainerToken.ToByteArray());

    [Fact]
    public void Launch_carries_command_env_task_host_and_the_container_token_but_no_tokens()
    {
        var launch = new LaunchSpec(new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" }, "run 1><LOG_DIR>/out");

        var request = LaunchContextMapper.ToProto(Container(), launch);

        Assert.Equal(["run 1><LOG_DIR>/out"], request.ContainerLaunchContext.Command);
        Assert.Equal(
            ["A=1", "B=2", "YARNDL_TASK_HOST=10.0.0.5"],
            request.ContainerLaunchContext.Environment.Select(e => $"{e.Key}={e.Value}"));
        Assert.False(request.ContainerLaunchContext.HasTokens);
        Assert.Equal(ContainerToken, request.ContainerToken);
    }

    [Fact]
    public void An_explicit_task_host_is_kept()
    {
        var launch = new LaunchSpec(new Dictionary<string, string> { ["YARNDL_TASK_HOST"] = "h" }, "run");

        var request = LaunchContextMapper.ToProto(Container(), launch);

        Assert.Equal("h", Assert.Single(request.ContainerLaunchContext.Environment).Value);
    }
}
