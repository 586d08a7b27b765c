using YarnDL.WebHdfs;

namespace YarnDL.Training.Checkpoints;

/// <summary>Checkpoints in HDFS through the WebHDFS REST API (<see cref="WebHdfsClient"/>): a save CREATEs a temp file,
/// then RENAMEs it over the checkpoint with renameoptions=OVERWRITE (HDFS rename2, atomic in the namenode); a load OPENs
/// the file. The trainer loop is synchronous, so the client's calls are waited for here.</summary>
internal sealed class WebHdfsCheckpointStore : ICheckpointStore
{
    private readonly WebHdfsClient _client;
    private readonly Uri _location;
    private readonly string _directory;

    /// <param name="http">Must not follow redirects itself (the CREATE redirect is answered with a second PUT).</param>
    /// <param name="namenodes">The NameNodes' HTTP addresses (e.g. http://nn1:9870, http://nn2:9870), tried in turn past a
    /// standby or an unreachable one.</param>
    /// <param name="location">The checkpoint directory as the job names it, e.g. hdfs://ns1/user/alice/job1/checkpoints.</param>
    public WebHdfsCheckpointStore(HttpClient http, IReadOnlyList<Uri> namenodes, Uri location, string user)
    {
        ArgumentNullException.ThrowIfNull(location);
        _client = new WebHdfsClient(http, namenodes, user);
        _location = location;
        _directory = "/" + location.AbsolutePath.Trim('/');
    }

    public string PathName => $"{_location.Scheme}://{_location.Authority}{FilePath}";

    private string FilePath => $"{_directory.TrimEnd('/')}/{CheckpointCodec.FileName}";

    public void Save(CheckpointState state)
    {
        var temp = $"{_directory.TrimEnd('/')}/.{CheckpointCodec.FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using var body = new MemoryStream();
        CheckpointCodec.Write(body, state);
        Wait(_client.CreateAsync(temp, body.ToArray(), overwrite: false));
        Wait(_client.RenameOverwriteAsync(temp, FilePath));
    }

    public CheckpointState? TryLoad()
    {
        var bytes = Wait(_client.TryOpenAsync(FilePath));
        return bytes is null ? null : CheckpointCodec.Read(new MemoryStream(bytes, writable: false), PathName);
    }

    private static void Wait(Task call)
    {
        try
        {
            call.GetAwaiter().GetResult();
        }
        catch (WebHdfsException e) when (e.StatusCode is null)
        {
            throw Unreachable(e);
        }
    }

    private static T Wait<T>(Task<T> call)
    {
        try
        {
            return call.GetAwaiter().GetResult();
        }
        catch (WebHdfsException e) when (e.StatusCode is null)
        {
            throw Unreachable(e);
        }
    }

    /// <summary>An unreachable namenode: the message also says where its address comes from.</summary>
    private static WebHdfsException Unreachable(WebHdfsException e) =>
        new(null, null, $"{e.Message} (is the namenode HTTP address right? set {CheckpointStores.WebHdfsUrlEnv})", e);
}
