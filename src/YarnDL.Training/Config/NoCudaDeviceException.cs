namespace YarnDL.Training.Config;

/// <summary>The task should train on CUDA (it was given GPUs, or <c>backend: cuda</c>) but ILGPU sees no CUDA device.</summary>
public sealed class NoCudaDeviceException : YarnDLException
{
    public NoCudaDeviceException(string host, string? visibleDevices)
        : base($"{host}: no CUDA device is visible (NVIDIA_VISIBLE_DEVICES={(string.IsNullOrEmpty(visibleDevices) ? "<unset>" : visibleDevices)}); "
            + "check the NVIDIA driver on that host (nvidia-smi), that the NodeManager runs GPU containers with the nvidia docker runtime "
            + "and yarn.io/gpu isolation enabled, or set trainer.backend: cpu to train on the CPU")
    {
        Host = host;
        VisibleDevices = visibleDevices;
    }

    public NoCudaDeviceException()
    {
        Host = string.Empty;
    }

    public NoCudaDeviceException(string message)
        : base(message)
    {
        Host = string.Empty;
    }

    public NoCudaDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = string.Empty;
    }

    public string Host { get; }

    public string? VisibleDevices { get; }
}
