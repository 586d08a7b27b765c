using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.AppMaster.Ipc;

/// <summary>LaunchSpec → StartContainerRequestProto: command, environment and the container token kept verbatim; the
/// tokens field carries the AM's own credentials without the AMRMToken (<see cref="Startup.TaskCredentials"/>), as Hadoop's AMs
/// pass them, so tasks get e.g. the HDFS delegation tokens; nothing when the AM holds no other credentials.</summary>
internal static class LaunchContextMapper
{
    public const string TaskHostVariable = "YARNDL_TASK_HOST";

    public static StartContainerRequestProto ToProto(AllocatedContainer container, LaunchSpec launch, ReadOnlyMemory<byte> taskTokens = default)
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

        if (!taskTokens.IsEmpty)
        {
            context.Tokens = AmProtoMapper.Bytes(taskTokens);
        }

        foreach (var r in launch.LocalResources)
        {
            context.LocalResources.Add(new StringLocalResourceMapProto
            {
                Key = r.Link,
                Value = new LocalResourceProto
                {
                    Resource = ToUrl(r.Url),
                    Size = r.Size,
                    Timestamp = r.Timestamp,
                    Type = LocalResourceTypeProto.Archive,
                    Visibility = LocalResourceVisibilityProto.Application,
                },
            });
        }

        var request = new StartContainerRequestProto { ContainerLaunchContext = context };
        if (!container.ContainerToken.IsEmpty)
        {
            request.ContainerToken = AmProtoMapper.ParseToken(container.ContainerToken);
        }

        return request;
    }

    /// <summary>Hadoop's <c>URL.fromURI</c>: scheme, host, port (only when given) and the path as <c>file</c>.</summary>
    internal static URLProto ToUrl(Uri uri)
    {
        var url = new URLProto { Scheme = uri.Scheme, File = Uri.UnescapeDataString(uri.AbsolutePath) };
        if (uri.Host.Length > 0)
        {
            url.Host = uri.Host;
        }

        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            url.Port = uri.Port;
        }

        return url;
    }
}
