using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Ipc;
using YarnDL.Hadoop.Security;

namespace YarnDL.AppMaster.Startup;

/// <summary>Creates the Hadoop IPC transports from the token file and yarn-site.xml.</summary>
internal static class HadoopBindings
{
    public static RmBindings Create(AmEnvironment env, YarnSite site) => Create(env, site, NullLoggerFactory.Instance);

    public static RmBindings Create(AmEnvironment env, YarnSite site, ILoggerFactory logs)
    {
        HadoopCredentials credentials;
        try
        {
            credentials = TokenStorage.ReadFile(env.TokenFile);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new StartupException([$"cannot read the token file {env.TokenFile}: {e.Message}"]);
        }

        var amRm = credentials.FindByKind(HadoopToken.AmRmTokenKind)
            ?? throw new StartupException([$"the token file {env.TokenFile} has no {HadoopToken.AmRmTokenKind} token"]);
        var rm = new IpcResourceManager(site.SchedulerAddresses(), amRm, options: null, logs.CreateLogger<IpcResourceManager>());
        var taskTokens = TaskCredentials.Without(credentials, HadoopToken.AmRmTokenKind);
        return new RmBindings(rm, amrm => new IpcNodeManagers(amrm.NmTokens, options: null, logs.CreateLogger<IpcNodeManagers>(), taskTokens));
    }
}
