namespace YarnDL.TaskProtocol;

/// <summary>The cluster is not complete yet: <paramref name="Registered"/> of <paramref name="Expected"/> tasks.</summary>
public sealed record PendingResponse(int Registered, int Expected);
