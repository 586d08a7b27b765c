namespace YarnDL.AppMaster.Rm;

/// <summary>a_m_command of an allocate response (older RMs only).</summary>
internal enum AmCommand
{
    None,
    Resync,
    Shutdown,
}
