namespace YarnDL.Cli.Local;

/// <summary>
/// The AM and trainer builds that ship beside yarndl (<c>am/</c> and <c>trainer/</c>, copied there by the build and
/// the tool package): what <c>am.mode: local</c> runs by absolute path and <c>am.mode: upload</c> ships to the cluster.
/// </summary>
internal sealed record BundledApps(string AmDirectory, string TrainerDirectory)
{
    public string AmDll => Path.Combine(AmDirectory, MiniClusterLauncher.AmDllName);

    public string TrainerDll => Path.Combine(TrainerDirectory, MiniClusterLauncher.TrainerDllName);

    /// <summary>The trainer as a plain process on a node that sees this file system (local mode).</summary>
    public string TrainerCommand => "dotnet " + ShellWord(TrainerDll);

    public static BundledApps At(string baseDirectory) =>
        new(Path.Combine(baseDirectory, MiniClusterLauncher.AmFolder), Path.Combine(baseDirectory, MiniClusterLauncher.TrainerFolder));

    /// <summary>Throws a <see cref="FileNotFoundException"/> naming the missing build and how to get it.</summary>
    public BundledApps EnsureExists()
    {
        foreach (var dll in new[] { AmDll, TrainerDll })
        {
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"{Path.GetFileName(dll)} is not in {Path.GetDirectoryName(dll)} (rebuild cli/YarnDL.Cli, which copies it there, or pass --am-dll/--trainer-command)", dll);
            }
        }

        return this;
    }

    /// <summary>Single-quotes a path for <c>bash -c</c> when it holds anything but safe characters.</summary>
    internal static string ShellWord(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@' or ',')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
