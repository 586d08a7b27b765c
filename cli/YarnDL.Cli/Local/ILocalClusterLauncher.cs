namespace YarnDL.Cli.Local;

/// <summary>Starts a local cluster for <c>yarndl submit --local</c> (production: the MiniCluster host process).</summary>
public interface ILocalClusterLauncher
{
    Task<ILocalCluster> StartAsync(CancellationToken ct);
}

/// <summary>A running local cluster; disposing stops it.</summary>
public interface ILocalCluster : IAsyncDisposable
{
    /// <summary>RM web base URL (loopback, ephemeral port).</summary>
    Uri RmEndpoint { get; }

    /// <summary>Absolute path of <c>YarnDL.AppMaster.dll</c> the local AM runs from.</summary>
    string AppMasterDll { get; }

    /// <summary>Command starting the trainer as a plain process, e.g. <c>dotnet /abs/YarnDL.Trainer.dll</c>.</summary>
    string TrainerCommand { get; }

    /// <summary>Staging root the local NodeManagers can read.</summary>
    string StagingRoot { get; }
}
