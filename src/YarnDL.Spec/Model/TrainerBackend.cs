namespace YarnDL.Spec.Model;

/// <summary>Where the built-in trainer computes.</summary>
public enum TrainerBackend
{
    /// <summary>CUDA through ILGPU when the container was given GPUs, the managed CPU kernels otherwise.</summary>
    Auto,

    /// <summary>CUDA through ILGPU; a task that sees no CUDA device exits at start.</summary>
    Cuda,

    /// <summary>The managed CPU kernels, even in a container given GPUs.</summary>
    Cpu,
}
