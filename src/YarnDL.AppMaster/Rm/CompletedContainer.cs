namespace YarnDL.AppMaster.Rm;

/// <summary>A container status with state COMPLETE from an allocate response.</summary>
internal sealed record CompletedContainer(string ContainerId, int ExitStatus, string Diagnostics);
