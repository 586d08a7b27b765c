namespace YarnDL.Cli;

/// <summary>Process exit codes of <c>yarndl</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int ClusterUnreachable = 3;
    public const int JobFailed = 4;
    public const int Internal = 70;
}
