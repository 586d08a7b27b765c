namespace YarnDL.Bench;

/// <summary>Where the repository this bench was built from lies (benchmarks that build or run its other projects).</summary>
internal static class RepoPaths
{
    /// <summary>The first directory above the bench's binaries holding <c>YarnDL.sln</c>.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "YarnDL.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("YarnDL.sln not found above " + AppContext.BaseDirectory);
    }
}
