using System.Diagnostics;

namespace YarnDL.Bench;

/// <summary>Starts this benchmark program again as a child (a hidden verb: an all-reduce rank, the timed digits runs),
/// however it was launched (apphost, or <c>dotnet YarnDL.Bench.dll</c>).</summary>
internal static class BenchProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path to start a child benchmark from");
        var info = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BenchProcess).Assembly.Location);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Process.Start(StartInfo(args, environment)) ?? throw new InvalidOperationException("could not start a child benchmark process");
}
