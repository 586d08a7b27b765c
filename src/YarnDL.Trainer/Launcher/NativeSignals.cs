using System.Runtime.InteropServices;

namespace YarnDL.Trainer.Launcher;

/// <summary>kill(2): .NET can send SIGKILL only, the launcher forwards SIGTERM and SIGINT as they are.</summary>
internal static partial class NativeSignals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);
}
