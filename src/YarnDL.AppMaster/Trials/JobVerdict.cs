namespace YarnDL.AppMaster.Trials;

/// <summary>The job as a whole: still running, or finished with a final status and diagnostics.</summary>
internal sealed record JobVerdict(bool Finished, bool Succeeded, string Diagnostics)
{
    public static readonly JobVerdict Running = new(false, false, string.Empty);
}
