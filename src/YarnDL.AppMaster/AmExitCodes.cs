using YarnDL.AppMaster.Ipc;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.Startup;
using YarnDL.Hadoop;

namespace YarnDL.AppMaster;

/// <summary>The AM process's exit codes. A non-zero exit without a final status lets YARN start another attempt when
/// <c>yarn.resourcemanager.am.max-attempts</c> allows one.</summary>
internal static class AmExitCodes
{
    /// <summary>The job succeeded and the AM unregistered.</summary>
    public const int Succeeded = 0;

    /// <summary>The job failed (the final status FAILED was sent), or the AM was interrupted.</summary>
    public const int JobFailed = 1;

    /// <summary>Bad environment, plan or job file.</summary>
    public const int BadInput = 2;

    /// <summary>The RM scheduler was unreachable, refused the AM's credentials, or refused a protocol call; the final
    /// status may not have been recorded.</summary>
    public const int RmUnavailable = 3;

    /// <summary>An unexpected internal error (logged with its stack).</summary>
    public const int Internal = 70;

    public static int For(Exception e) => e switch
    {
        StartupException or Spec.JobSpecException => BadInput,
        RmAuthenticationException or SchedulerUnreachableException or RmAttemptGoneException or RmNotRegisteredException => RmUnavailable,
        HadoopException => RmUnavailable,
        _ => Internal,
    };

    /// <summary>One line naming the cause and what to do, for the non-internal codes.</summary>
    public static string Describe(Exception e) => e switch
    {
        StartupException or Spec.JobSpecException => e.Message,
        RmAuthenticationException a => $"Stopping without a final status: {a.Message}",
        SchedulerUnreachableException u => $"Stopping without a final status: {u.Message}. The RM stayed unreachable; YARN starts a new attempt if max-attempts allows",
        HadoopRemoteException r => $"Stopping without a final status: the RM refused {r.ClassName}: {RmFailureClassifier.Reason(r)}",
        _ => $"Stopping without a final status: {e.Message}",
    };
}
