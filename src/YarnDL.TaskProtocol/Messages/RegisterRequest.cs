namespace YarnDL.TaskProtocol;

/// <summary>A task announces the host and the port it reserved for its training traffic.</summary>
public sealed record RegisterRequest(TaskIdentity Task, string Host, int Port, string? ContainerId);
