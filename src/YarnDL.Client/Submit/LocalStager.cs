using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Client.Submit;

/// <summary>Stages on the local file system (<c>file://</c> LocalResources), for the MiniCluster and single-host setups.</summary>
public sealed class LocalStager(string root) : IJobStager
{
    public string StagingDir(string applicationId) => Path.Combine(Path.GetFullPath(root), applicationId);

    public async Task<LocalResource> StageAsync(string applicationId, string fileName, byte[] content, string type, CancellationToken ct)
    {
        var dir = StagingDir(applicationId);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, fileName);
        await File.WriteAllBytesAsync(path, content, ct).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            // job.yaml can hold roles.env values: readable by its owner only, as Hadoop's staging files are.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
