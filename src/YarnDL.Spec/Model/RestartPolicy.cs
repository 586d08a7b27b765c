namespace YarnDL.Spec.Model;

/// <summary>When a failed task is restarted.</summary>
public enum RestartPolicy
{
    /// <summary>Never restart; a failure fails the trial.</summary>
    Never,

    /// <summary>Restart on a non-zero exit, within the restart budget.</summary>
    OnFailure,

    /// <summary>Restart whenever the task ends, within the restart budget.</summary>
    Always,
}
