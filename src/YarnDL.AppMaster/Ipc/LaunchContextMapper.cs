using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.AppMaster.Ipc;

/// <summary>LaunchSpec → StartContainerRequestProto: command, environment and the container token kept verbatim;
/// no tokens field, so the AMRMToken never reaches a task.</summary>
internal static class LaunchContextMapper
{
    public const string TaskHostVariable = "YARNDL_TASK_HOST";

    public static StartContainerRequestProto ToProto(AllocatedContainer container, LaunchSpec launch)
    {
        var context = new ContainerLaunchContextProto();
        context.Command.Add(launch.Command);
        foreach (var (key, value) in launch.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            context.Environment.Add(new StringStringMapProto { Key = key, Value = value });
        }

        if (!launch.Environment.ContainsKey(TaskHostVariable))
        {
            context.Environment.Add(new StringStringMapProto { Key = TaskHostVariable, Value = container.Host });
        }

        var request = new StartContainerRequestProto { ContainerLaunchContext = context };
        if (!container.ContainerToken.IsEmpty)
        {
            request.ContainerToken = AmProtoMapper.ParseToken(container.ContainerToken);
        }

        return request;
    }
}
