using YarnDL.AppMaster.Web;

namespace YarnDL.AppMaster.State;

internal sealed partial class AmStateStore
{
    public const string SecretFileName = "task-secret";
    public const string AmUrlFileName = "am-url";

    /// <summary>The task secret survives AM restarts so running tasks can authenticate to the next attempt (owner-only file).</summary>
    public async Task<SecretCheck> LoadOrCreateSecretAsync(CancellationToken ct)
    {
        if (await files.ReadAsync(SecretFileName, ct) is { Length: > 0 } saved)
        {
            return new SecretCheck(saved.Trim());
        }

        var secret = SecretCheck.CreateRandom();
        await files.WriteAsync(SecretFileName, secret.Value, ownerOnly: true, ct);
        return secret;
    }

    /// <summary>The file <see cref="PublishAmUrlAsync"/> writes; tasks get it (a path or an hdfs:// URI) in <c>YARNDL_AM_URL_FILE</c>.</summary>
    public string AmUrlFile => files.Locate(AmUrlFileName);

    /// <summary>Where tasks of a previous attempt find the new AM (they re-read it when the old URL stops answering).</summary>
    public Task PublishAmUrlAsync(Uri url, CancellationToken ct) => files.WriteAsync(AmUrlFileName, url.ToString(), ownerOnly: false, ct);
}
