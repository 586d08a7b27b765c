using System.Diagnostics;
using System.Globalization;
using YarnDL.TaskProtocol;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Compute;
using YarnDL.Training.Config;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Faults;
using YarnDL.Training.Model;
using YarnDL.Training.Summaries;

namespace YarnDL.Training.Session;

/// <summary>Synchronous data-parallel training of one rank. Each step every rank computes the gradient of its slice of
/// the global batch, the ring sums the gradients (followed by the <see cref="StepControl"/> slots: loss, checkpoint and
/// stop requests, so every rank acts on a command at the same step), and every rank applies the same optimizer update.
/// <see cref="Run"/> is a sequence of named steps over a <see cref="TrainingPlan"/> (fixed at the start) and a
/// <see cref="TrainingRunState"/> (what changes from step to step).</summary>
internal sealed partial class TrainingSession(
    TrainerOptions options,
    ITensorBackend tensors,
    IParameterSync sync,
    Dataset train,
    Dataset test,
    ICheckpointStore? checkpoints,
    TextWriter log)
{
    /// <summary>All-reduce training over <paramref name="reducer"/>.</summary>
    public TrainingSession(TrainerOptions options, ITensorBackend tensors, IGradientReducer reducer, Dataset train, Dataset test, ICheckpointStore? checkpoints, TextWriter log)
        : this(options, tensors, new AllReduceSync(reducer), train, test, checkpoints, log)
    {
    }

    /// <summary>On the managed span kernels (<see cref="HostTensors"/>).</summary>
    public TrainingSession(TrainerOptions options, IComputeBackend backend, IParameterSync sync, Dataset train, Dataset test, ICheckpointStore? checkpoints, TextWriter log)
        : this(options, new HostTensors(backend), sync, train, test, checkpoints, log)
    {
    }

    /// <summary>All-reduce training over <paramref name="reducer"/> on the managed span kernels.</summary>
    public TrainingSession(TrainerOptions options, IComputeBackend backend, IGradientReducer reducer, Dataset train, Dataset test, ICheckpointStore? checkpoints, TextWriter log)
        : this(options, new HostTensors(backend), new AllReduceSync(reducer), train, test, checkpoints, log)
    {
    }

    public ITrainingControl Control { get; init; } = NullTrainingControl.Instance;

    public FaultKnobs Faults { get; init; } = FaultKnobs.None;

    /// <summary>Transfer learning: a fresh run (no checkpoint to resume) starts from this checkpoint's weights.</summary>
    public ICheckpointStore? InitFrom { get; init; }

    /// <summary>Rank 0 appends the epoch metrics here (TensorBoard scalars).</summary>
    public EventFileWriter? Events { get; init; }

    /// <summary>Rank 0 writes checkpoints.</summary>
    public bool IsChief => sync.Rank == 0;

    public IModel? Model { get; private set; }

    public TrainingResult Run(CancellationToken cancellationToken)
    {
        var plan = Prepare();
        var state = new TrainingRunState(plan.FirstStep, Stopwatch.GetTimestamp());
        while (state.Step < plan.TotalSteps && !state.Stopped && !state.Reached)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var epoch = (int)(state.Step / plan.StepsPerEpoch);
            EnterEpoch(state, epoch);
            var command = Control.PendingCommand;
            var control = TrainStep(plan, state, command);
            state.Step++;
            state.Loss = control.Loss / plan.Share;
            if (command != TaskCommand.None)
            {
                Control.Acknowledge(command);
            }

            state.Stopped = control.Stop;
            if (state.Step % plan.StepsPerEpoch == 0)
            {
                EndEpoch(plan, state, epoch);
            }

            if (WantsCheckpoint(plan, state, control))
            {
                Checkpoint(plan, state);
            }

            Control.Report(new TrainingProgress(state.Step, epoch, state.Metrics, state.CheckpointStep));
            InjectFaults(state.Step, cancellationToken);
        }

        return Finish(plan, state);
    }

    private static Dictionary<string, double> Metrics(double loss, double accuracy, double rate) => new()
    {
        ["loss"] = loss,
        ["accuracy"] = accuracy,
        ["val_accuracy"] = accuracy,
        ["examples_per_s"] = rate,
    };

    private long Resume(IModel model, Optimizer optimizer)
    {
        var state = checkpoints?.TryLoad();
        if (state is null)
        {
            return 0;
        }

        if (state.Parameters.Length != model.Parameters.Length || state.Optimizer != optimizer.Kind)
        {
            throw new InvalidDataException($"checkpoint {checkpoints!.PathName} does not match this model/optimizer");
        }

        state.Parameters.CopyTo(model.Parameters, 0);
        state.First.CopyTo(optimizer.First, 0);
        state.Second.CopyTo(optimizer.Second, 0);
        optimizer.Steps = state.OptimizerSteps;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resumed from {checkpoints!.PathName} at step={state.Step}"));
        return state.Step;
    }

    private void InjectFaults(long step, CancellationToken cancellationToken)
    {
        if (Faults.ExitAfterSteps >= 0 && step >= Faults.ExitAfterSteps)
        {
            throw new InjectedFaultException($"fault knob: exit after {step} steps", Faults.ExitCode);
        }

        if (Faults.HangAfterSteps >= 0 && step >= Faults.HangAfterSteps)
        {
            log.WriteLine($"fault knob: hanging after {step} steps");
            cancellationToken.WaitHandle.WaitOne();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
