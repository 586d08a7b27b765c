namespace YarnDL.UnitTests.Admin;

/// <summary>Finds the repository's sample and test-corpus folders from the test binary's location.</summary>
internal static class AdminPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepoRoot, "yarn-site-examples");

    public static string Broken => Path.Combine(RepoRoot, "tests", "YarnDL.UnitTests", "Admin", "Broken");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "YarnDL.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("YarnDL.sln not found above " + AppContext.BaseDirectory);
    }
}
