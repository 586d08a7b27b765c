using YarnDL.Spec.Plan;
using YarnDL.AppMaster.State;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>Once the AM has unregistered no further attempt reads its state, so the staging directory (job.yaml, the task
/// secret, the state) is deleted, as MapReduce's AM deletes its staging directory at the end.</summary>
public sealed class StagingCleanupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("yarndl-staging-").FullName;

    [Fact]
    public async Task The_staging_directory_goes_after_unregistering()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "job.yaml"), "name: x");
        var store = new AmStateStore(new LocalStateFiles(_dir));
        await store.LoadOrCreateSecretAsync(default);
        var am = new AmDriverFixture(Plans.Job()) { Driver = { Store = store } };
        await am.RegisterAsync();

        await am.Driver.AbortAsync(new YarnDL.AppMaster.Trials.JobVerdict(true, false, "asks above the maximum"), default);

        Assert.Single(am.Rm.Finishes);
        Assert.False(Directory.Exists(_dir));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
