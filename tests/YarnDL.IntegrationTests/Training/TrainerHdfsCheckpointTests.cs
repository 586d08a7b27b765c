using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Training;

public sealed class TrainerHdfsCheckpointTests(MiniClusterFixture fixture) : IClassFixture<MiniClusterFixture>
{
    [Fact]
    public async Task KilledProcess_ResumesFromAnHdfsCheckpoint_ThroughWebHdfs()
    {
        var hdfsDir = "/tmp/yarndl-it-" + Guid.NewGuid().ToString("N"); // /tmp is 1777: any user may write there
        var env = new Dictionary<string, string>
        {
            ["YARNDL_TRAINER"] = "{\"epochs\":1,\"checkpoint-every-steps\":10}",
            ["YARNDL_CHECKPOINT_DIR"] = "hdfs://" + hdfsDir,
            ["YARNDL_WEBHDFS_URL"] = fixture.Cluster.WebHdfsUri.ToString(),
        };

        var killed = await TrainerProcess.RunAsync(new Dictionary<string, string>(env) { ["YARNDL_TEST_FAULTS"] = "exit-after-steps=25,exit-code=9" });
        var resumed = await TrainerProcess.RunAsync(env);

        Assert.Equal(9, killed.ExitCode);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr + resumed.Stdout);
        Assert.Contains($"resumed from hdfs://{hdfsDir}/checkpoint.bin at step=20", resumed.Stdout, StringComparison.Ordinal);
        var local = Path.Combine(fixture.Cluster.HdfsRoot, hdfsDir.TrimStart('/'));
        Assert.Equal(["checkpoint.bin"], Directory.GetFiles(local).Select(Path.GetFileName));
    }
}
