using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.AppMaster.Ipc;
using YarnDL.Hadoop;
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
        var options = new HadoopRpcClientOptions { Protection = ReadRpcProtection(env, site) };
        var rm = new IpcResourceManager(site.SchedulerAddresses(), amRm, options, logs.CreateLogger<IpcResourceManager>());
        var taskTokens = TaskCredentials.Without(credentials, HadoopToken.AmRmTokenKind);
        return new RmBindings(rm, amrm => new IpcNodeManagers(amrm.NmTokens, options, logs.CreateLogger<IpcNodeManagers>(), taskTokens));
    }

    /// <summary><c>hadoop.rpc.protection</c> as Hadoop's YarnConfiguration resolves it: yarn-site.xml over core-site.xml,
    /// authentication when neither sets it.</summary>
    internal static IReadOnlyList<SaslQop> ReadRpcProtection(AmEnvironment env, YarnSite site)
    {
        var (value, source) = site.Get(RpcProtection.Key) is { } fromYarn
            ? (fromYarn, "yarn-site.xml")
            : (CoreSite(env)?.Get(RpcProtection.Key), "core-site.xml");
        try
        {
            return RpcProtection.Parse(value);
        }
        catch (InvalidRpcProtectionException e)
        {
            throw new StartupException([$"{Path.Combine(env.HadoopConfDir ?? "$HADOOP_CONF_DIR", source)}: {e.Message}"]);
        }
    }

    private static YarnSite? CoreSite(AmEnvironment env) =>
        env.HadoopConfDir is { } dir && File.Exists(Path.Combine(dir, "core-site.xml")) ? YarnSite.Load(Path.Combine(dir, "core-site.xml")) : null;
}
