namespace YarnDL.AppMaster.Rm;

/// <summary>The RM keys asks by (priority, allocation_request_id); one key per role of one cluster.</summary>
internal readonly record struct AskKey(int Priority, long AllocationRequestId);
