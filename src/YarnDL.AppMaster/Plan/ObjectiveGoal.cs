namespace YarnDL.AppMaster.Plan;

internal enum ObjectiveGoal
{
    Maximize,
    Minimize,
}
