using YarnDL.MiniCluster;

namespace YarnDL.Cli.Local;

/// <summary>
/// Starts an in-process <see cref="MiniYarnCluster"/> sized to this machine for <c>submit --local</c>.
/// The AM and trainer builds are found in <c>am/</c> and <c>trainer/</c> beside <c>yarndl.dll</c> (copied there by the build and the tool package).
/// </summary>
internal sealed class MiniClusterLauncher(string baseDirectory) : ILocalClusterLauncher
{
    internal const string AmFolder = "am";
    internal const string TrainerFolder = "trainer";
    internal const string AmDllName = "YarnDL.AppMaster.dll";
    internal const string TrainerDllName = "YarnDL.Trainer.dll";

    public async Task<ILocalCluster> StartAsync(CancellationToken ct)
    {
        var am = Locate(AmFolder, AmDllName);
        var trainer = Locate(TrainerFolder, TrainerDllName);
        var options = LocalSizing.For(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        var cluster = await MiniYarnCluster.StartAsync(options, cancellationToken: ct).ConfigureAwait(false);
        return new LocalCluster(cluster, am, $"dotnet {trainer}", Path.Combine(cluster.WorkDir, "staging"));
    }

    private string Locate(string folder, string dll)
    {
        var path = Path.Combine(baseDirectory, folder, dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"--local needs {dll} in {Path.Combine(baseDirectory, folder)} (rebuild cli/YarnDL.Cli, which copies it there)", path);
    }

    private sealed class LocalCluster(MiniYarnCluster cluster, string amDll, string trainerCommand, string stagingRoot) : ILocalCluster
    {
        public Uri RmEndpoint => cluster.RmRestUri;

        public string AppMasterDll => amDll;

        public string TrainerCommand => trainerCommand;

        public string StagingRoot => stagingRoot;

        public ValueTask DisposeAsync() => cluster.DisposeAsync();
    }
}
