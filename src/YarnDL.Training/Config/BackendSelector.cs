using YarnDL.TaskProtocol;
using YarnDL.Training.Compute;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Compute.Ilgpu;

namespace YarnDL.Training.Config;

/// <summary>Picks the compute backend from <c>backend</c> and what the container was given:
/// <c>cpu</c> → the managed CPU kernels; <c>auto</c> in a container without GPUs → the same;
/// <c>auto</c> or <c>cuda</c> with GPUs → GPU-resident ILGPU tensors on CUDA (GEMM through cuBLAS), or on ILGPU's CPU accelerator when the MiniCluster marks its GPUs
/// simulated (<see cref="TaskEnv.SimulatedGpus"/>). <c>cuda</c> without GPUs, or GPUs without a CUDA device, is an error.</summary>
internal static class BackendSelector
{
    /// <summary>What the <c>settings:</c> line says for the ILGPU kernels on the CPU accelerator.</summary>
    public const string SimulatedGpu = "ilgpu-cpu (simulated GPU)";

    /// <summary>The backend and the name the trainer reports for it (<c>cuda</c>, <c>cpu</c> or <see cref="SimulatedGpu"/>).</summary>
    /// <exception cref="NoCudaDeviceException">GPUs were asked for (or given) but ILGPU sees no CUDA device.</exception>
    public static (ITensorBackend Backend, string Name) Create(TrainerOptions options, Func<string, string?> env)
    {
        var devices = env(TaskEnv.NvidiaVisibleDevices);
        var given = GivenGpus(devices);
        if (options.Backend == "cpu" || (options.Backend == "auto" && !given))
        {
            return (new HostTensors(new CpuBackend(options.Threads), ownsKernels: true), "cpu");
        }

        if (given && string.Equals(env(TaskEnv.SimulatedGpus), "true", StringComparison.OrdinalIgnoreCase))
        {
            return (IlgpuTensors.OnCpuAccelerator(), SimulatedGpu);
        }

        var host = env("NM_HOST") ?? Environment.MachineName;
        return IlgpuTensors.OnCuda() is { } cuda ? (cuda, "cuda") : throw new NoCudaDeviceException(host, devices);
    }

    /// <summary>NVIDIA_VISIBLE_DEVICES names at least one device (<c>none</c> and <c>void</c> name none).</summary>
    public static bool GivenGpus(string? visibleDevices) =>
        !string.IsNullOrWhiteSpace(visibleDevices) && visibleDevices.Trim() is not ("none" or "void" or "NoDevFiles");
}
