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

    [Fact]
    public void The_trainer_archive_is_localized_as_an_application_archive()
    {
        var bundle = TaskResource.Parse("trainer", "YARNDL_TRAINER_BUNDLE", "30,40,hdfs://nn:8020/user/alice/.yarndl/app/trainer.tgz");
        var launch = new LaunchSpec(new Dictionary<string, string>(), "run") { LocalResources = [bundle] };

        var resource = LaunchContextMapper.ToProto(Container(), launch).ContainerLaunchContext.LocalResources.Single();

        Assert.Equal("trainer", resource.Key);
        Assert.Equal(("hdfs", "nn", 8020, "/user/alice/.yarndl/app/trainer.tgz"), (resource.Value.Resource.Scheme, resource.Value.Resource.Host, resource.Value.Resource.Port, resource.Value.Resource.File));
        Assert.Equal((30L, 40L), (resource.Value.Size, resource.Value.Timestamp));
        Assert.Equal(YarnDL.Hadoop.Protos.Yarn.LocalResourceTypeProto.Archive, resource.Value.Type);
        Assert.Equal(YarnDL.Hadoop.Protos.Yarn.LocalResourceVisibilityProto.Application, resource.Value.Visibility);
    }

    [Fact]
    public void A_malformed_trainer_bundle_variable_is_named() =>
        Assert.Contains("YARNDL_TRAINER_BUNDLE", Assert.Throws<FormatException>(() => TaskResource.Parse("trainer", "YARNDL_TRAINER_BUNDLE", "x,y")).Message, StringComparison.Ordinal);
}
