using YarnDL.Yarn.Rest.Submission;
using YarnDL.WebHdfs;

namespace YarnDL.Client.Submit;

/// <summary>Stages under <c>/user/&lt;user&gt;/.yarndl/&lt;appId&gt;/</c> through WebHDFS (directory 700, files 600: job.yaml
/// and the task secret beside it are the user's alone); size and timestamp come from GETFILESTATUS.</summary>
/// <param name="tellAm">Pass the NameNode's web address to the AM (an explicit <c>--webhdfs</c>); otherwise the AM finds
/// it from the staging URI and its own HADOOP_CONF_DIR, HA nameservices included.</param>
public sealed class WebHdfsStager(WebHdfsClient hdfs, string defaultFs, string user, bool tellAm = true) : IJobStager
{
    public Uri? NameNodeHttp => tellAm ? hdfs.NameNodeHttp : null;

    public string StagingDir(string applicationId) => $"{defaultFs.TrimEnd('/')}{Dir(applicationId)}";

    public async Task<LocalResource> StageAsync(string applicationId, string fileName, byte[] content, string type, CancellationToken ct)
    {
        var dir = Dir(applicationId);
        await hdfs.MkdirsAsync(dir, "700", ct).ConfigureAwait(false);
        var path = $"{dir}/{fileName}";
        await hdfs.CreateAsync(path, content, overwrite: false, "600", ct).ConfigureAwait(false);
        var status = await hdfs.GetFileStatusAsync(path, ct).ConfigureAwait(false);
        return new LocalResource
        {
            Resource = $"{defaultFs.TrimEnd('/')}{path}",
            Type = type,
            Visibility = "APPLICATION",
            Size = status.Length,
            Timestamp = status.ModificationTime,
        };
    }

    private string Dir(string applicationId) => $"/user/{user}/.yarndl/{applicationId}";
}
