using YarnDL.Client.Submit;

namespace YarnDL.UnitTests.Client;

public sealed class LocalStagerTests
{
    [Fact]
    public async Task Staged_job_yaml_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes only
        }

        var root = Directory.CreateTempSubdirectory("yarndl-stage-").FullName;
        try
        {
            var resource = await new LocalStager(root).StageAsync("application_1_0001", "job.yaml", "roles: {}"u8.ToArray(), "FILE", CancellationToken.None);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(new Uri(resource.Resource).LocalPath));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
