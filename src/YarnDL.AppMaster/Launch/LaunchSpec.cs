namespace YarnDL.AppMaster.Launch;

/// <summary>The ContainerLaunchContextProto content for one task: environment and one shell command line.
/// No tokens: the AMRMToken must never reach a task container.</summary>
internal sealed record LaunchSpec(IReadOnlyDictionary<string, string> Environment, string Command);
