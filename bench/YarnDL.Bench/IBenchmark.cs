namespace YarnDL.Bench;

/// <summary>One named benchmark. Prints <c>key=value</c> lines, its ratio against the baseline last.</summary>
internal interface IBenchmark
{
    /// <summary>Name used on the command line (ipc, gemm, allreduce, digits, am-scale, cli-help).</summary>
    string Name { get; }

    /// <summary>Runs the benchmark, writing <c>key=value</c> lines to <paramref name="output"/>; returns an exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
