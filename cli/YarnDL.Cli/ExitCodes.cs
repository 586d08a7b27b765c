namespace YarnDL.Cli;

/// <summary>Process exit codes of <c>yarndl</c>, and which of them each verb can end with (the CLI README's table).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int ClusterUnreachable = 3;
    public const int JobFailed = 4;
    public const int Internal = 70;

    /// <summary>Ctrl-C (SIGINT): 128 + 2, as shells report a process ended by it.</summary>
    public const int Cancelled = 130;

    /// <summary>The codes each verb can exit with; the README's table lists exactly these (a unit test compares them).</summary>
    public static readonly IReadOnlyDictionary<string, int[]> ByVerb = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["submit"] = [Ok, BadInput, ClusterUnreachable, JobFailed, Internal, Cancelled],
        ["status"] = [Ok, BadInput, ClusterUnreachable, Internal, Cancelled],
        ["list"] = [Ok, BadInput, ClusterUnreachable, Internal, Cancelled],
        ["wait"] = [Ok, BadInput, ClusterUnreachable, JobFailed, Internal, Cancelled],
        ["logs"] = [Ok, BadInput, ClusterUnreachable, Internal, Cancelled],
        ["kill"] = [Ok, BadInput, ClusterUnreachable, Internal, Cancelled],
        ["validate"] = [Ok, BadInput, ClusterUnreachable, Internal, Cancelled],
        ["completion"] = [Ok, BadInput, Internal],
        ["admin nodes"] = [Ok, BadInput, ClusterUnreachable, Internal, Cancelled],
        ["admin check-config"] = [Ok, BadInput, Internal],
        ["minicluster"] = [Ok, BadInput, Internal, Cancelled],
    };
}
