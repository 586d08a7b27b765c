using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Client.Submit;

/// <summary>Stages on the local file system (<c>file://</c> LocalResources), for the MiniCluster and single-host setups.
/// The directory is 700 and the files 600 (job.yaml may hold secrets), as in HDFS staging.</summary>
public sealed class LocalStager(string root) : IJobStager
{
    public string StagingDir(string applicationId) => Path.Combine(Path.GetFullPath(root), applicationId);

    public async Task<LocalResource> StageAsync(string applicationId, string fileName, byte[] content, string type, CancellationToken ct)
    {
        var dir = StagingDir(applicationId);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else
        {
            Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(dir, fileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(path, options))
        {
            await file.WriteAsync(content, ct).ConfigureAwait(false);
        }

        var info = new FileInfo(path);
        return new LocalResource
        {
            Resource = new Uri(path).AbsoluteUri,
            Type = type,
            Visibility = "APPLICATION",
            Size = info.Length,
            Timestamp = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds(),
        };
    }
}
