namespace YarnDL.AppMaster.Startup;

/// <summary>Creates the Hadoop IPC transports from the token file and yarn-site.xml.</summary>
internal static class HadoopBindings
{
    public static RmBindings Create(AmEnvironment env, YarnSite site) =>
        throw new NotSupportedException(
            $"this build has no Hadoop IPC transport yet (scheduler {string.Join(",", site.SchedulerAddresses())}); it is wired when YarnDL.Hadoop lands");
}
