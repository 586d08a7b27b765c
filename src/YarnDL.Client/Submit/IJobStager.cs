using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Client.Submit;

/// <summary>Puts files where the NodeManager can localize them and describes them as LocalResources.</summary>
public interface IJobStager
{
    /// <summary>Directory (URI or path) holding this application's staged files.</summary>
    string StagingDir(string applicationId);

    /// <summary>The namenode HTTP address the AM and its tasks use for the staging directory; null for local staging.</summary>
    Uri? NameNodeHttp => null;

    /// <summary>Stores <paramref name="content"/> as <paramref name="fileName"/> and returns the exact LocalResource.</summary>
    Task<LocalResource> StageAsync(string applicationId, string fileName, byte[] content, string type, CancellationToken ct);
}
