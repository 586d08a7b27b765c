using System.Text;
using YarnDL.WebHdfs;

namespace YarnDL.AppMaster.State;

/// <summary>State files in an HDFS directory through WebHDFS: CREATE beside the file, then RENAME with OVERWRITE (atomic in the namenode).</summary>
internal sealed class HdfsStateFiles(WebHdfsClient hdfs, Uri directory) : IStateFiles
{
    private readonly string _dir = directory.AbsolutePath.TrimEnd('/');
    private bool _created;

    /// <summary>The <c>hdfs://authority/path</c> of a file, as tasks are told it.</summary>
    public string Locate(string name) => $"{directory.GetLeftPart(UriPartial.Authority)}{_dir}/{name}";

    public async Task<string?> ReadAsync(string name, CancellationToken ct) =>
        await hdfs.TryOpenAsync($"{_dir}/{name}", ct).ConfigureAwait(false) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    public async Task WriteAsync(string name, string text, bool ownerOnly, CancellationToken ct)
    {
        if (!_created)
        {
            await hdfs.MkdirsAsync(_dir, "700", ct).ConfigureAwait(false);
            _created = true;
        }

        var tmp = $"{_dir}/.{name}.{Environment.ProcessId}.tmp";
        await hdfs.CreateAsync(tmp, Encoding.UTF8.GetBytes(text), overwrite: true, ownerOnly ? "600" : "644", ct).ConfigureAwait(false);
        await hdfs.RenameOverwriteAsync(tmp, $"{_dir}/{name}", ct).ConfigureAwait(false);
    }

    public Task DeleteDirectoryAsync(CancellationToken ct) => hdfs.DeleteAsync(_dir, recursive: true, ct);
}
