namespace YarnDL.Cli.Local;

/// <summary>
/// Starts a MiniCluster sized to this machine for <c>submit --local</c>, in the MiniCluster host process (<see cref="MiniClusterProcess"/>).
/// The AM and trainer builds are found in <c>am/</c> and <c>trainer/</c> beside <c>yarndl.dll</c> (copied there by the build and the tool package).
/// </summary>
internal sealed class MiniClusterLauncher(string baseDirectory, TextWriter error) : ILocalClusterLauncher
{
    internal const string AmFolder = "am";
    internal const string TrainerFolder = "trainer";
    internal const string AmDllName = "YarnDL.AppMaster.dll";
    internal const string TrainerDllName = "YarnDL.Trainer.dll";

    public async Task<ILocalCluster> StartAsync(CancellationToken ct)
    {
        var am = Locate(AmFolder, AmDllName);
        var trainer = Locate(TrainerFolder, TrainerDllName);
        var shape = LocalSizing.For(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        var host = MiniClusterProcess.Start(baseDirectory, shape.HostArguments(), output: null, error);
        try
        {
            var ready = await host.WaitReadyAsync(ct).ConfigureAwait(false);
            var rm = new Uri(host.RmRest[0]);
            return new LocalCluster(host, rm, am, $"dotnet {trainer}", Path.Combine(ready["work-dir"], "staging"));
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private string Locate(string folder, string dll)
    {
        var path = Path.Combine(baseDirectory, folder, dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"--local needs {dll} in {Path.Combine(baseDirectory, folder)} (rebuild cli/YarnDL.Cli, which copies it there)", path);
    }

    /// <summary>Disposing closes the host's stdin: it stops the RM, the NMs and every container, then exits.</summary>
    private sealed class LocalCluster(MiniClusterProcess host, Uri rm, string amDll, string trainerCommand, string stagingRoot) : ILocalCluster
    {
        public Uri RmEndpoint => rm;

        public string AppMasterDll => amDll;

        public string TrainerCommand => trainerCommand;

        public string StagingRoot => stagingRoot;

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }
}
