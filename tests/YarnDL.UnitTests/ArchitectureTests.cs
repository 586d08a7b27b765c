using System.Xml.Linq;

namespace YarnDL.UnitTests;

/// <summary>Enforces the dependency rule of shared/style.md by reading the project files.</summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["YarnDL.Spec"] = ["YarnDL."],
        ["YarnDL.Hadoop"] = ["YarnDL."],
        ["YarnDL.Yarn.Rest"] = ["YarnDL."],
        ["YarnDL.WebHdfs"] = ["YarnDL."],
        ["YarnDL.TaskProtocol"] = ["YarnDL."],
        ["YarnDL.Admin"] = ["YarnDL."],
        ["YarnDL.MiniCluster"] = ["YarnDL.Client", "YarnDL.Yarn.Rest", "YarnDL.AppMaster", "YarnDL.Spec", "YarnDL.TaskProtocol", "YarnDL.Trainer", "YarnDL.Training", "yarndl", "YarnDL.Cli"],
        ["YarnDL.Trainer"] = ["YarnDL.Hadoop", "YarnDL.AppMaster", "YarnDL.MiniCluster", "YarnDL.Client"],
        ["YarnDL.Training"] = ["YarnDL.Hadoop", "YarnDL.AppMaster", "YarnDL.MiniCluster", "YarnDL.Client"],
        ["YarnDL.Client"] = ["YarnDL.Hadoop", "YarnDL.AppMaster", "YarnDL.MiniCluster", "YarnDL.Cli"],
        ["YarnDL.AppMaster"] = ["YarnDL.Client", "YarnDL.Yarn.Rest", "YarnDL.MiniCluster", "YarnDL.Cli", "YarnDL.Trainer"],
    };

    public static TheoryData<string> Projects() => new(Forbidden.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_only_allowed_projects(string project)
    {
        var csproj = Directory.EnumerateFiles(RepoRoot(), project + ".csproj", SearchOption.AllDirectories)
            .Single(p => !p.Contains("/obj/", StringComparison.Ordinal));
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .ToList();

        var bad = references.Where(r => Forbidden[project].Any(f => r.StartsWith(f, StringComparison.Ordinal))).ToList();

        Assert.True(bad.Count == 0, $"{project} must not reference {string.Join(", ", bad)}");
    }

    [Fact]
    public void No_library_references_an_executable()
    {
        var exes = Directory.EnumerateFiles(RepoRoot(), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<OutputType>Exe</OutputType>", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var libraries = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !exes.Contains(Path.GetFileNameWithoutExtension(p)));

        foreach (var lib in libraries)
        {
            var refs = XDocument.Load(lib).Descendants("ProjectReference")
                .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value));
            Assert.DoesNotContain(refs, exes.Contains);
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "YarnDL.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("YarnDL.sln not found above " + AppContext.BaseDirectory);
    }
}
