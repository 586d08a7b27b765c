using System.Xml.Linq;

namespace YarnDL.UnitTests;

/// <summary>Enforces the dependency rule (arrows point from the edges inward: the leaf libraries reference no YarnDL project,
/// the MiniCluster only YarnDL.Hadoop, the trainer no Hadoop) over every project of src/, cli/, bench/ and tests/, by
/// reading the project files. Every project may reference <see cref="ErrorsProject"/>, the base of the exception family.</summary>
public sealed class ArchitectureTests
{
    private const string ErrorsProject = "YarnDL.Errors";

    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        [ErrorsProject] = ["YarnDL."],
        ["YarnDL.Spec"] = ["YarnDL."],
        ["YarnDL.Hadoop"] = ["YarnDL."],
        ["YarnDL.Yarn.Rest"] = ["YarnDL."],
        ["YarnDL.WebHdfs"] = ["YarnDL."],
        ["YarnDL.TaskProtocol"] = ["YarnDL."],
        ["YarnDL.Tracking"] = ["YarnDL."],
        ["YarnDL.Admin"] = ["YarnDL."],
        ["YarnDL.MiniCluster"] = ["YarnDL.Client", "YarnDL.Yarn.Rest", "YarnDL.AppMaster", "YarnDL.Spec", "YarnDL.TaskProtocol", "YarnDL.Tracking", "YarnDL.Trainer", "YarnDL.Training", "yarndl", "YarnDL.Cli"],
        ["YarnDL.Trainer"] = ["YarnDL.Hadoop", "YarnDL.AppMaster", "YarnDL.MiniCluster", "YarnDL.Client"],
        ["YarnDL.Training"] = ["YarnDL.Hadoop", "YarnDL.AppMaster", "YarnDL.MiniCluster", "YarnDL.Client"],
        ["YarnDL.Client"] = ["YarnDL.Hadoop", "YarnDL.AppMaster", "YarnDL.MiniCluster", "YarnDL.Cli"],
        ["YarnDL.AppMaster"] = ["YarnDL.Client", "YarnDL.Yarn.Rest", "YarnDL.MiniCluster", "YarnDL.Cli", "YarnDL.Trainer"],

        // The MiniCluster's process stands in for Hadoop too: it knows the MiniCluster and nothing of ours.
        ["YarnDL.MiniCluster.Host"] = ["YarnDL.Client", "YarnDL.Yarn.Rest", "YarnDL.AppMaster", "YarnDL.Spec", "YarnDL.TaskProtocol", "YarnDL.Tracking", "YarnDL.Trainer", "YarnDL.Training", "YarnDL.Cli", "YarnDL.Hadoop"],

        // yarndl runs on edge nodes: no Hadoop IPC, no trainer code; the AM, trainer and MiniCluster host are built beside it
        // (ReferenceOutputAssembly=false, checked below), never loaded.
        ["YarnDL.Cli"] = ["YarnDL.Hadoop", "YarnDL.Training", "YarnDL.TaskProtocol", "YarnDL.Testing", "YarnDL.UnitTests", "YarnDL.IntegrationTests", "YarnDL.Bench"],

        // Benchmarks drive library and AM code in-process, never the CLI or the test projects.
        ["YarnDL.Bench"] = ["YarnDL.Cli", "YarnDL.Testing", "YarnDL.UnitTests", "YarnDL.IntegrationTests"],

        // Shared fixtures and the test projects: no test project references another test project's tests.
        ["YarnDL.Testing"] = ["YarnDL.UnitTests", "YarnDL.IntegrationTests", "YarnDL.Bench"],
        ["YarnDL.UnitTests"] = ["YarnDL.IntegrationTests", "YarnDL.Bench"],
        ["YarnDL.IntegrationTests"] = ["YarnDL.UnitTests", "YarnDL.Bench"],
    };

    public static TheoryData<string> Projects() => new(Forbidden.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_only_allowed_projects(string project)
    {
        var csproj = AllProjects().Single(p => Path.GetFileNameWithoutExtension(p) == project);
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .ToList();

        // An entry ending in '.' forbids every project under that prefix; any other entry names one project.
        var bad = references.Where(r => r != ErrorsProject).Where(r => Forbidden[project].Any(f => f.EndsWith('.') ? r.StartsWith(f, StringComparison.Ordinal) : r == f)).ToList();

        Assert.True(bad.Count == 0, $"{project} must not reference {string.Join(", ", bad)}");
    }

    [Fact]
    public void Every_project_of_the_repository_has_a_rule()
    {
        var projects = AllProjects().Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.All(projects, p => Assert.True(Forbidden.ContainsKey(p!), $"{p} has no entry in ArchitectureTests.Forbidden: say which projects it must not reference"));
    }

    [Fact]
    public void The_cli_builds_the_executables_it_ships_without_loading_them()
    {
        var exes = AllProjects().Where(IsExe).Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var cli = AllProjects().Single(p => Path.GetFileNameWithoutExtension(p) == "YarnDL.Cli");

        var loaded = XDocument.Load(cli).Descendants("ProjectReference")
            .Where(e => exes.Contains(Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value)))
            .Where(e => !string.Equals((string?)e.Attribute("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Attribute("Include")!.Value)
            .ToList();

        Assert.True(loaded.Count == 0, $"yarndl must reference executables with ReferenceOutputAssembly=\"false\": {string.Join(", ", loaded)}");
    }

    private static IEnumerable<string> AllProjects() =>
        new[] { "src", "cli", "bench", "tests" }
            .Select(d => Path.Combine(RepoRoot(), d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal));

    private static bool IsExe(string csproj) => File.ReadAllText(csproj).Contains("<OutputType>Exe</OutputType>", StringComparison.Ordinal);

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
