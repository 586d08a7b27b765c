using System.Diagnostics;
using System.Globalization;
using System.Reflection.PortableExecutable;

namespace YarnDL.Bench.CliHelp;

/// <summary>
/// <c>cli-help</c>: wall time of <c>yarndl --help</c> against a .NET hello-world built in the same run, both
/// started as <c>dotnet X.dll</c> (Release, framework-dependent). yarndl is measured as users get it: the tool package
/// <c>dotnet pack</c> makes, installed with <c>dotnet tool install</c> from it (which picks this machine's RID-specific,
/// ReadyToRun package, or the portable one elsewhere). Prints the medians of interleaved runs; goal ≤ 1.5.
/// </summary>
internal sealed class CliHelpBenchmark : IBenchmark
{
    private const int Runs = 15;

    public string Name => "cli-help";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var root = RepoPaths.Root();
        var work = Directory.CreateTempSubdirectory("yarndl-bench-clihelp-").FullName;
        try
        {
            var helloOut = Path.Combine(work, "hello");
            var (cliDll, package) = await InstallToolAsync(root, work, cancellationToken);
            await BuildAsync("build", WriteHelloProject(Path.Combine(work, "hello-src")), helloOut, string.Empty, cancellationToken);

            var (cli, hello) = await MediansAsync(cliDll, "--help", Path.Combine(helloOut, "hello.dll"), cancellationToken);
            var inv = CultureInfo.InvariantCulture;
            await output.WriteLineAsync($"cli_package={package}");
            await output.WriteLineAsync($"cli_readytorun={(IsReadyToRun(cliDll) ? "true" : "false")}");
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

    /// <summary>
    /// Packs cli/YarnDL.Cli as the README says and installs the tool into <paramref name="work"/> from those packages only
    /// (own NuGet cache: a cached 0.1.0 from an earlier pack must not stand in); returns the installed <c>yarndl.dll</c> and the package it came from.
    /// </summary>
    private static async Task<(string Dll, string Package)> InstallToolAsync(string root, string work, CancellationToken ct)
    {
        var packages = Path.Combine(work, "packages");
        var (code, text) = await RunProcessAsync("dotnet", $"pack \"{Path.Combine(root, "cli", "YarnDL.Cli", "YarnDL.Cli.csproj")}\" -c Release -o \"{packages}\" -nologo -v q", ct);
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed ({code}):\n{text}");
        }

        var pointer = Directory.GetFiles(packages, "YarnDL.Cli.*.nupkg")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(n => n!["YarnDL.Cli.".Length..])
            .Single(v => char.IsAsciiDigit(v[0]));
        var config = Path.Combine(work, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="yarndl" value="{packages}" /></packageSources>
            </configuration>
            """, ct);
        var tools = Path.Combine(work, "tool");
        (code, text) = await RunProcessAsync("dotnet", $"tool install --tool-path \"{tools}\" --configfile \"{config}\" YarnDL.Cli --version {pointer}", ct,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "nuget-cache") });
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet tool install failed ({code}):\n{text}");
        }

        var store = Path.Combine(tools, ".store", "yarndl.cli", pointer);
        var dll = Directory.GetFiles(store, "yarndl.dll", SearchOption.AllDirectories).Single();
        return (dll, Path.GetRelativePath(store, dll).Split(Path.DirectorySeparatorChar)[0]);
    }

    private static bool IsReadyToRun(string dll)
    {
        using var pe = new PEReader(File.OpenRead(dll));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
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

    /// <summary>
    /// Median wall times of both programs, their runs interleaved (and which goes first alternating), so a change of load
    /// on a shared machine falls on both alike rather than on whichever was measured second.
    /// </summary>
    private static async Task<(TimeSpan Cli, TimeSpan Hello)> MediansAsync(string cliDll, string cliArguments, string helloDll, CancellationToken ct)
    {
        await TimeAsync(cliDll, cliArguments, ct); // warm the file cache
        await TimeAsync(helloDll, string.Empty, ct);
        var cli = new List<TimeSpan>(Runs);
        var hello = new List<TimeSpan>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            if (i % 2 == 0)
            {
                cli.Add(await TimeAsync(cliDll, cliArguments, ct));
                hello.Add(await TimeAsync(helloDll, string.Empty, ct));
            }
            else
            {
                hello.Add(await TimeAsync(helloDll, string.Empty, ct));
                cli.Add(await TimeAsync(cliDll, cliArguments, ct));
            }
        }

        cli.Sort();
        hello.Sort();
        return (cli[Runs / 2], hello[Runs / 2]);
    }

    private static async Task<TimeSpan> TimeAsync(string dll, string arguments, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var (code, text) = await RunProcessAsync("dotnet", $"\"{dll}\" {arguments}", ct);
        sw.Stop();
        return code == 0 ? sw.Elapsed : throw new InvalidOperationException($"{dll} exited {code}:\n{text}");
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string file, string arguments, CancellationToken ct, Dictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in env ?? [])
        {
            psi.Environment[key] = value;
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await stdout + await stderr);
    }
}
