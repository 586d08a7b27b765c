using System.Diagnostics;
using System.Globalization;
using YarnDL.Training.Compute;
using YarnDL.Training.Compute.Cpu;
using YarnDL.Training.Compute.Ilgpu;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Session;

namespace YarnDL.Bench.Gpu;

/// <summary>GPU-resident training on Fashion-MNIST (a generated 28×28 set, said so, when Debian's package is missing):
/// the CNN and a wide MLP (784-1024-1024-10) for a few steps on CUDA, else on ILGPU's CPU accelerator. Per model: step
/// time and the bytes each step copies between host and device, against the least a step must move: the batch in
/// (features and labels) plus the gradient once (<c>transfer_vs_minimum</c>). One rank keeps its gradient on the device,
/// so it moves the batch and the loss only. Then the same models on two in-process ranks summing over the TCP ring: a
/// host-side all-reduce must copy the gradient out and the sum back in, so besides the ratio to that minimum they print
/// the ratio to their physical floor, batch + 2 × gradient. With CUDA also cuBLAS GEMM TFLOP/s and the one-rank step
/// time of the managed CPU backend. The worst one-rank <c>transfer_vs_minimum</c> (after the first step) is printed
/// last.</summary>
internal sealed class GpuBenchmark : IBenchmark
{
    private const int Batch = 64;

    public string Name => "gpu";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        using var tensors = IlgpuTensors.OnCuda() ?? IlgpuTensors.OnCpuAccelerator();
        var steps = args.Count > 0 && int.TryParse(args[0], inv, out var s) && s > 1 ? s : tensors.IsCuda ? 50 : 6;
        var (train, test, dataset) = LoadData();
        output.WriteLine($"device={tensors.Name} cuda={tensors.IsCuda.ToString().ToLowerInvariant()} dataset={dataset} batch={Batch} steps={steps}");
        if (tensors.IsCuda)
        {
            output.WriteLine(string.Create(inv, $"gemm_tflops={CublasTflops(tensors, 4096):F2} gemm_size=4096"));
        }

        var worst = 0.0;
        foreach (var (label, options) in Models())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (samples, parameters) = Train(tensors, options, train, test, steps);
            var later = samples.Skip(1).ToList();
            var minimum = BatchBytes(Batch, train) + (4L * parameters);
            var ratio = later.Max(x => (double)x.Bytes) / minimum;
            worst = Math.Max(worst, ratio);
            var stepMs = Median(later.Select(x => x.Milliseconds));
            output.WriteLine(string.Create(inv, $"{label}_parameters={parameters} {label}_first_step_ms={samples[0].Milliseconds:F1} {label}_step_ms={stepMs:F1} {label}_first_step_bytes={samples[0].Bytes}"));
            output.WriteLine(string.Create(inv, $"{label}_transfer_bytes_per_step={later.Max(x => x.Bytes)} {label}_to_device={later[^1].ToDevice} {label}_to_host={later[^1].ToHost} {label}_minimum_bytes={minimum} {label}_transfer_vs_minimum={ratio:F6}"));
            if (tensors.IsCuda)
            {
                using var cpu = new HostTensors(new CpuBackend(Environment.ProcessorCount), ownsKernels: true);
                var cpuMs = Median(Train(cpu, options, train, test, Math.Min(steps, 10)).Samples.Skip(1).Select(x => x.Milliseconds));
                output.WriteLine(string.Create(inv, $"{label}_cpu_step_ms={cpuMs:F1} {label}_speedup_vs_cpu={cpuMs / stepMs:F2}"));
            }
        }

        var floorOk = true;
        foreach (var (label, options) in Models())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (samples, parameters) = await TrainTwoRanksAsync(tensors, options, train, test, steps, cancellationToken);
            var later = samples.Skip(1).ToList();
            var (batchBytes, gradientBytes) = (BatchBytes(Batch / 2, train), 4L * parameters);
            var (minimum, floor) = (batchBytes + gradientBytes, batchBytes + (2 * gradientBytes));
            var moved = later.Max(x => x.Bytes);
            floorOk &= (double)moved / floor <= 1.05;
            var l = label + "_2rank";
            output.WriteLine(string.Create(inv, $"{l}_step_ms={Median(later.Select(x => x.Milliseconds)):F1} {l}_transfer_bytes_per_step={moved} {l}_to_device={later[^1].ToDevice} {l}_to_host={later[^1].ToHost} {l}_page_locked_bytes_per_step={later[^1].PageLocked}"));
            output.WriteLine(string.Create(inv, $"{l}_minimum_bytes={minimum} {l}_physical_floor_bytes={floor} {l}_transfer_vs_minimum={(double)moved / minimum:F6} {l}_transfer_vs_physical_floor={(double)moved / floor:F6}"));
        }

        output.WriteLine("note: two ranks sum the gradient on the host (TCP ring), so each step copies it out and the sum back in "
            + "through page-locked memory; a host-side all-reduce cannot go below batch + 2 x gradient, hence *_2rank_transfer_vs_minimum near 2. "
            + "One rank has nothing to sum and keeps the gradient on the device: transfer_vs_minimum below is the one-rank figure.");
        output.WriteLine(string.Create(inv, $"transfer_vs_minimum={worst:F6}"));
        return worst <= 1.05 && floorOk ? 0 : 1;
    }

    private static IEnumerable<(string Label, TrainerOptions Options)> Models() =>
    [
        ("cnn", new TrainerOptions { Model = "cnn", HiddenUnits = 128, BatchSize = Batch, Epochs = 1, LearningRate = 0.01f }),
        ("wide_mlp", new TrainerOptions { Model = "mlp", HiddenUnits = 1024, BatchSize = Batch, Epochs = 1, LearningRate = 0.01f }),
    ];

    /// <summary>One rank, stopped after <paramref name="steps"/> steps (never reaching the epoch's end, so no evaluation
    /// runs inside a measured step); the test set is cut to one batch for the final score.</summary>
    private static (List<StepSample> Samples, int Parameters) Train(ITensorBackend tensors, TrainerOptions options, Dataset train, Dataset test, int steps)
    {
        var recorder = new StepRecorder(tensors, steps);
        var session = new TrainingSession(options, tensors, new SingleRankReducer(), train, test, null, TextWriter.Null) { Control = recorder };
        session.Run(CancellationToken.None);
        return (recorder.Samples, session.Model!.Parameters.Length);
    }

    /// <summary>Two ranks, each with half of every batch, on <paramref name="rank0"/> and a second accelerator of the
    /// same kind, summing over the ring; rank 0's samples (the ranks move the same bytes).</summary>
    private static async Task<(List<StepSample> Samples, int Parameters)> TrainTwoRanksAsync(
        IlgpuTensors rank0, TrainerOptions options, Dataset train, Dataset test, int steps, CancellationToken cancellationToken)
    {
        using var rank1 = rank0.IsCuda ? IlgpuTensors.OnCuda()! : IlgpuTensors.OnCpuAccelerator();
        var ring = await LoopbackPair.ConnectAsync(cancellationToken);
        try
        {
            var runs = ring.Select(r => Task.Factory.StartNew(
                () =>
                {
                    var tensors = r.Rank == 0 ? rank0 : rank1;
                    var recorder = new StepRecorder(tensors, steps);
                    var session = new TrainingSession(options, tensors, r, train, test, null, TextWriter.Null) { Control = recorder };
                    try
                    {
                        session.Run(cancellationToken);
                    }
                    catch
                    {
                        Array.ForEach(ring, x => x.Dispose()); // the peer is waiting in the ring: let it fail too
                        throw;
                    }

                    return (recorder.Samples, session.Model!.Parameters.Length);
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)).ToArray();
            return (await Task.WhenAll(runs))[0];
        }
        finally
        {
            foreach (var r in ring)
            {
                r.Dispose();
            }
        }
    }

    /// <summary>Features and labels of <paramref name="examples"/> examples.</summary>
    private static long BatchBytes(int examples, Dataset train) => (long)examples * ((train.FeatureCount * 4) + 4);

    private static (Dataset Train, Dataset Test, string Name) LoadData()
    {
        try
        {
            var (train, test) = FashionMnistLoader.Load(null);
            return (train, test.Select([.. Enumerable.Range(0, Batch)]), "fashion-mnist");
        }
        catch (DirectoryNotFoundException)
        {
            var all = SyntheticDataset.Create(4096, FashionMnistLoader.Side * FashionMnistLoader.Side, FashionMnistLoader.Classes, 1);
            return (all, all.Select([.. Enumerable.Range(0, Batch)]), "generated-28x28 (fashion-mnist not installed: apt-get install dataset-fashion-mnist)");
        }
    }

    /// <summary>Square fp32 GEMMs through the backend (cuBLAS on CUDA), timed after a warm-up; reading one float back
    /// waits for the device.</summary>
    private static double CublasTflops(IlgpuTensors tensors, int n)
    {
        var c = new float[n * n];
        var (a, b, dc) = (tensors.Allocate(n * n).All, tensors.Allocate(n * n).All, tensors.Mirror(c).All);
        tensors.Gemm(false, false, n, n, n, a, b, dc, 0f);
        tensors.Pull(c, 0, 1);
        const int repeats = 20;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < repeats; i++)
        {
            tensors.Gemm(false, false, n, n, n, a, b, dc, 0f);
        }

        tensors.Pull(c, 0, 1);
        return 2.0 * n * n * n * repeats / Stopwatch.GetElapsedTime(started).TotalSeconds / 1e12;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }
}
