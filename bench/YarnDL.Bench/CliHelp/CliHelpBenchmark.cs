using System.Diagnostics;
using System.Globalization;

namespace YarnDL.Bench.CliHelp;

/// <summary>
/// <c>cli-help</c>: wall time of <c>yarndl --help</c> against a .NET hello-world built in the same run, both
/// started as <c>dotnet X.dll</c> (Release, framework-dependent). yarndl is measured as shipped: published
/// ReadyToRun for this machine's RID (System.CommandLine is IL-only, so without R2R its JIT dominates).
/// Prints the median of several runs; goal ≤ 1.5.
/// </summary>
internal sealed class CliHelpBenchmark : IBenchmark
{
    private const int Runs = 7;

    public string Name => "cli-help";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var root = RepoRoot();
        var work = Directory.CreateTempSubdirectory("yarndl-bench-clihelp-").FullName;
        try
        {
            var cliOut = Path.Combine(work, "cli");
            var helloOut = Path.Combine(work, "hello");
            var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            await BuildAsync("publish", Path.Combine(root, "cli", "YarnDL.Cli", "YarnDL.Cli.csproj"), cliOut, $"-r {rid} --self-contained false -p:PublishReadyToRun=true", cancellationToken);
            await BuildAsync("build", WriteHelloProject(Path.Combine(work, "hello-src")), helloOut, string.Empty, cancellationToken);

            var cli = await MedianAsync(Path.Combine(cliOut, "yarndl.dll"), "--help", cancellationToken);
            var hello = await MedianAsync(Path.Combine(helloOut, "hello.dll"), string.Empty, cancellationToken);
            var inv = CultureInfo.InvariantCulture;
            await output.WriteLineAsync($"cli_help_ms={cli.TotalMilliseconds.ToString("0.0", inv)}");
            await output.WriteLineAsync($"hello_ms={hello.TotalMilliseconds.ToString("0.0", inv)}");
            await output.WriteLineAsync($"cli_help_vs_hello={(cli / hello).ToString("0.00", inv)}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string WriteHelloProject(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "hello.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "Console.WriteLine(\"Hello, World!\");\n");
        return Path.Combine(dir, "hello.csproj");
    }

    private static async Task BuildAsync(string verb, string project, string outDir, string extra, CancellationToken ct)
    {
        var (code, text) = await RunProcessAsync("dotnet", $"{verb} \"{project}\" -c Release -o \"{outDir}\" -nologo -v q {extra}", ct);
        if (code != 0)
        {
            throw new InvalidOperationException($"building {project} failed ({code}):\n{text}");
        }
    }

    private static async Task<TimeSpan> MedianAsync(string dll, string arguments, CancellationToken ct)
    {
        await RunProcessAsync("dotnet", $"\"{dll}\" {arguments}", ct); // warm the file cache
        var times = new List<TimeSpan>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var (code, text) = await RunProcessAsync("dotnet", $"\"{dll}\" {arguments}", ct);
            sw.Stop();
            if (code != 0)
            {
                throw new InvalidOperationException($"{dll} exited {code}:\n{text}");
            }

            times.Add(sw.Elapsed);
        }

        times.Sort();
        return times[Runs / 2];
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string file, string arguments, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await stdout + await stderr);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "YarnDL.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("YarnDL.sln not found above " + AppContext.BaseDirectory);
    }
}
