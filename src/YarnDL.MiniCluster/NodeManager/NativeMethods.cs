using System.Runtime.InteropServices;

namespace YarnDL.MiniCluster.NodeManager;

internal static partial class NativeMethods
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>kill(2); a negative pid signals the whole process group.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);
}
