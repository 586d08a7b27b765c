namespace YarnDL.AppMaster.Plan;

internal enum RestartPolicy
{
    Never,
    OnFailure,
}
