using YarnDL.TaskProtocol;
using YarnDL.Training.Config;

namespace YarnDL.UnitTests.Training;

/// <summary>auto, cuda and cpu against what the container was given; never the CPU silently when GPUs were.</summary>
public sealed class BackendSelectorTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Key == name).Value;

    [Fact]
    public void Auto_without_gpus_and_cpu_always_use_the_managed_cpu_kernels()
    {
        var (auto, autoName) = BackendSelector.Create(new TrainerOptions { Backend = "auto" }, Env());
        var (cpu, cpuName) = BackendSelector.Create(new TrainerOptions { Backend = "cpu" }, Env((TaskEnv.NvidiaVisibleDevices, "0,1")));
        using (auto)
        using (cpu)
        {
            Assert.Equal(("cpu", "cpu"), (autoName, cpuName));
            Assert.StartsWith("cpu", auto.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Simulated_gpus_run_the_ilgpu_kernels_on_the_cpu_accelerator()
    {
        var (backend, name) = BackendSelector.Create(new TrainerOptions(), Env((TaskEnv.NvidiaVisibleDevices, "1"), (TaskEnv.SimulatedGpus, "true")));
        using (backend)
        {
            Assert.Equal(BackendSelector.SimulatedGpu, name);
            Assert.StartsWith("ilgpu-cpu", backend.Name, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("none", false)]
    [InlineData("void", false)]
    [InlineData("0", true)]
    [InlineData("GPU-5d2f,GPU-77aa", true)]
    public void Given_gpus_are_read_from_nvidia_visible_devices(string? value, bool given) =>
        Assert.Equal(given, BackendSelector.GivenGpus(value));

    [Fact]
    public void Gpus_given_train_on_cuda_or_fail_naming_host_devices_and_what_to_check()
    {
        var env = Env((TaskEnv.NvidiaVisibleDevices, "0"), ("NM_HOST", "gpu-node-7"));
        if (CudaPresent())
        {
            var (backend, name) = BackendSelector.Create(new TrainerOptions(), env);
            using (backend)
            {
                Assert.Equal("cuda", name);
            }

            return;
        }

        var e = Assert.Throws<NoCudaDeviceException>(() => BackendSelector.Create(new TrainerOptions(), env));
        Assert.StartsWith("gpu-node-7: no CUDA device is visible (NVIDIA_VISIBLE_DEVICES=0)", e.Message, StringComparison.Ordinal);
        Assert.Contains("NVIDIA driver", e.Message, StringComparison.Ordinal);
        Assert.Contains("nvidia docker runtime", e.Message, StringComparison.Ordinal);
        Assert.Contains("trainer.backend: cpu", e.Message, StringComparison.Ordinal);
    }

    private static bool CudaPresent()
    {
        using var cuda = YarnDL.Training.Compute.Ilgpu.IlgpuTensors.OnCuda();
        return cuda is not null;
    }
}
