using YarnDL.Yarn.Rest.Submission;
using YarnDL.WebHdfs;

namespace YarnDL.Client.Submit;

/// <summary>Stages under <c>/user/&lt;user&gt;/.yarndl/&lt;appId&gt;/</c> through WebHDFS; size and timestamp come from GETFILESTATUS.</summary>
public sealed class WebHdfsStager(WebHdfsClient hdfs, string defaultFs, string user) : IJobStager
{
    public Uri? NameNodeHttp => hdfs.NameNodeHttp;

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
