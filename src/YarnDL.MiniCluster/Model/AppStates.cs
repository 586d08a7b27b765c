namespace YarnDL.MiniCluster.Model;

/// <summary>RMAppState / YarnApplicationState names.</summary>
internal static class AppStates
{
    public const string New = "NEW";
    public const string NewSaving = "NEW_SAVING";
    public const string Submitted = "SUBMITTED";
    public const string Accepted = "ACCEPTED";
    public const string Running = "RUNNING";
    public const string FinalSaving = "FINAL_SAVING";
    public const string Finishing = "FINISHING";
    public const string Killing = "KILLING";
    public const string Finished = "FINISHED";
    public const string Failed = "FAILED";
    public const string Killed = "KILLED";

    public static readonly string[] Public = [New, NewSaving, Submitted, Accepted, Running, Finished, Failed, Killed];

    public static bool IsTerminal(string state) => state is Finished or Failed or Killed;
}
