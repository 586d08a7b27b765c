namespace YarnDL.AppMaster.Launch;

/// <summary>The ContainerLaunchContextProto content for one task: environment, one shell command line and the files to
/// localize. No tokens: the AMRMToken must never reach a task container.</summary>
internal sealed record LaunchSpec(IReadOnlyDictionary<string, string> Environment, string Command)
{
    public IReadOnlyList<TaskResource> LocalResources { get; init; } = [];
}
