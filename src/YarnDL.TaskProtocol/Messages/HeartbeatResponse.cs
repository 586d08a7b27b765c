namespace YarnDL.TaskProtocol;

/// <summary>The AM's answer to a heartbeat.</summary>
public sealed record HeartbeatResponse(TaskCommand Command);
