using YarnDL.AppMaster.Web;

namespace YarnDL.AppMaster.Job;

internal sealed partial class AmStateStore
{
    public const string SecretFileName = "task-secret";
    public const string AmUrlFileName = "am-url";

    /// <summary>The task secret survives AM restarts so running tasks can authenticate to the next attempt (file readable by the owner only).</summary>
    public SecretCheck LoadOrCreateSecret()
    {
        var file = System.IO.Path.Combine(Directory, SecretFileName);
        if (File.Exists(file))
        {
            return new SecretCheck(File.ReadAllText(file).Trim());
        }

        var secret = SecretCheck.CreateRandom();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var w = new StreamWriter(file, options))
        {
            w.Write(secret.Value);
        }

        return secret;
    }

    /// <summary>The file <see cref="PublishAmUrl"/> writes; tasks get its path in <c>YARNDL_AM_URL_FILE</c>.</summary>
    public string AmUrlFile => System.IO.Path.Combine(Directory, AmUrlFileName);

    /// <summary>Where tasks of a previous attempt find the new AM (they re-read it when the old URL stops answering).</summary>
    public void PublishAmUrl(Uri url)
    {
        var file = AmUrlFile;
        File.WriteAllText(file + ".tmp", url.ToString());
        File.Move(file + ".tmp", file, overwrite: true);
    }

    private string Directory => System.IO.Path.GetDirectoryName(Path) ?? ".";
}
