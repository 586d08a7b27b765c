namespace YarnDL.UnitTests.Spec;

internal static class RepoPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "YarnDL.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("YarnDL.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Of(params string[] parts) => Path.Combine([Root(), .. parts]);
}
