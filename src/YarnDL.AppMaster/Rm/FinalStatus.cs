namespace YarnDL.AppMaster.Rm;

/// <summary>FinalApplicationStatusProto values the AM reports.</summary>
internal enum FinalStatus
{
    Succeeded = 1,
    Failed = 2,
    Killed = 3,
}
