using YarnDL.Hadoop.Security;

namespace YarnDL.AppMaster.Startup;

/// <summary>The credentials the AM hands its task containers: its own (from the container's token file) without the
/// AMRMToken, serialized as Hadoop's token storage, the way DistributedShell's and MapReduce's AMs build
/// ContainerLaunchContext.tokens. Empty when nothing but the AMRMToken is there.</summary>
internal static class TaskCredentials
{
    public static ReadOnlyMemory<byte> Without(HadoopCredentials credentials, string excludedKind)
    {
        var forTasks = new HadoopCredentials();
        foreach (var token in credentials.Tokens.Where(t => t.Value.Kind != excludedKind))
        {
            forTasks.Tokens.Add(token);
        }

        foreach (var secret in credentials.Secrets)
        {
            forTasks.Secrets.Add(secret);
        }

        return forTasks.Tokens.Count == 0 && forTasks.Secrets.Count == 0 ? ReadOnlyMemory<byte>.Empty : TokenStorage.Write(forTasks);
    }
}
