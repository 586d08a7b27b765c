using System.Runtime.InteropServices;

namespace YarnDL.Bench.Digits;

/// <summary>Pins the calling thread to one CPU (Linux sched_setaffinity), so that each worker of a run has a core of
/// its own, as a one-vcore YARN container would: two rank threads started in one process are otherwise free to share
/// a core for milliseconds after a wake-up, which a 0.1 s run notices.</summary>
internal static partial class CpuPinning
{
    /// <summary>True when threads can be pinned: Linux with at least <paramref name="cpus"/> CPUs.</summary>
    public static bool Available(int cpus) => OperatingSystem.IsLinux() && Environment.ProcessorCount >= cpus && Environment.ProcessorCount <= 64;

    /// <summary>Pins the calling thread to <paramref name="cpu"/>; false when the kernel refused.</summary>
    public static bool PinCurrentThread(int cpu)
    {
        var mask = 1UL << cpu;
        return SchedSetAffinity(0, sizeof(ulong), ref mask) == 0;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nint size, ref ulong mask);
}
