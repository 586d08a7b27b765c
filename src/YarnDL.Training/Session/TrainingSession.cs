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
/// the global batch, the ring sums the gradients (plus three control slots: loss, checkpoint and stop requests, so
/// every rank acts on a command at the same step), and every rank applies the same optimizer update.</summary>
public sealed partial class TrainingSession(
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

    private const int ControlSlots = 3;

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
        var model = ModelFactory.Create(options, tensors, train.FeatureCount, train.ClassCount);
        Model = model;
        var p = model.Parameters.Length;
        var optimizer = new Optimizer(options.Optimizer, p, options.LearningRate, options.Momentum);
        var step = Resume(model, optimizer);
        if (step == 0)
        {
            InitializeFrom(model);
        }

        var frozen = FrozenSlices(model);
        sync.Start(model.Parameters, optimizer);

        // Weights and moments as resumed, initialised or published go to the device once; a resident step then keeps
        // them there (the host backend computes in these very arrays: nothing to copy).
        model.PushParameters();
        optimizer.PushState(tensors);
        var resident = tensors.IsResident ? sync as AllReduceSync : null;

        // Does any rank write checkpoints? Only then must a sharded optimizer state be gathered for one. The sum also
        // lines the ranks up before the clock starts (false from the sync: assume a writer).
        correctCount[0] = IsChief && checkpoints is not null ? 1 : 0;
        var anyWriter = !sync.TrySumMetrics(correctCount) || correctCount[0] > 0;
        var global = Math.Max(options.BatchSize, sync.WorldSize);
        var stepsPerEpoch = Math.Max(1, train.Count / global);
        var total = (long)options.Epochs * stepsPerEpoch;
        var buffer = new float[p + ControlSlots];
        var lo = global * sync.Rank / sync.WorldSize;
        var hi = global * (sync.Rank + 1) / sync.WorldSize;

        // Synchronous modes sum the ranks' gradients, so each is scaled by the global batch; an async push is a step on its own.
        var share = sync.IsSynchronous ? global : hi - lo;

        // Two ranks and a model with a large dense layer: exchange that layer's factors instead of its gradient. The
        // peer's rows of that layer then arrive when the next pass asks for them; whatever else reads the weights
        // (the epoch's test, a checkpoint, the end) settles them first.
        var factoredModel = frozen.Count == 0 && !tensors.IsResident ? model as IFactoredModel : null;
        var factoredSync = sync as IFactoredSync;
        var factor = factoredModel is not null && factoredSync is not null && factoredSync.CanFactor(factoredModel.Factored, p, buffer.Length, global);
        var exchange = factor ? factoredSync!.StartFactored(factoredModel!.Factored, model.Parameters, optimizer) : null;
        var started = Stopwatch.GetTimestamp();
        var epochStart = started;
        var checkpointStep = -1L;
        double loss = 0, accuracy = 0;
        var accuracyStep = -1L;
        int[] order = [];
        var orderEpoch = -1;
        var stopped = false;
        IReadOnlyDictionary<string, double> metrics = new Dictionary<string, double>();
        var reached = false;
        while (step < total && !stopped && !reached)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var epoch = (int)(step / stepsPerEpoch);
            if (epoch != orderEpoch)
            {
                order = Rng.Permutation(train.Count, (options.Seed * 1_000_003UL) + (ulong)epoch);
                orderEpoch = epoch;
            }

            var first = (int)(step % stepsPerEpoch) * global;
            var command = Control.PendingCommand;
            var computeStarted = Stopwatch.GetTimestamp();
            buffer[p] = factor
                ? factoredModel!.LossAndFactors(train, order.AsSpan(first + lo, hi - lo), 1f / share, buffer, exchange!)
                : model.LossAndGradient(train, order.AsSpan(first + lo, hi - lo), 1f / share, buffer);
            foreach (var f in frozen)
            {
                buffer.AsSpan(f.Offset, f.Length).Clear();
            }
            buffer[p + 1] = command is TaskCommand.Checkpoint or TaskCommand.Stop ? 1 : 0;
            buffer[p + 2] = command is TaskCommand.Stop ? 1 : 0;
            if (factor)
            {
                factoredSync!.UpdateFactored(buffer, global, computeStarted, tensors.HostKernels);
            }
            else if (resident is not null)
            {
                resident.UpdateResident(buffer, model.Parameters, optimizer, tensors);
            }
            else
            {
                sync.Update(buffer, model.Parameters, optimizer, tensors.HostKernels);
                model.PushParameters();
            }

            step++;
            loss = buffer[p] / share;
            if (command != TaskCommand.None)
            {
                Control.Acknowledge(command);
            }

            stopped = buffer[p + 2] > 0;
            var endOfEpoch = step % stepsPerEpoch == 0;
            if (endOfEpoch)
            {
                factoredSync?.Settle();
                accuracy = EpochAccuracy(model);
                accuracyStep = step;
                var now = Stopwatch.GetTimestamp();
                var rate = stepsPerEpoch * (double)global / Stopwatch.GetElapsedTime(epochStart, now).TotalSeconds;
                epochStart = now;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch={epoch + 1} step={step} loss={loss:F4} accuracy={accuracy:F4} examples_per_s={rate:F0}"));
                reached = options.TargetAccuracy is { } target && accuracy >= target;
                metrics = Metrics(loss, accuracy, rate);
                if (IsChief)
                {
                    Events?.WriteScalars(step, metrics);
                }
            }

            var wantCheckpoint = buffer[p + 1] > 0 || stopped || reached || step == total ||
                (options.CheckpointEverySteps > 0 && step % options.CheckpointEverySteps == 0);
            var writes = IsChief && checkpoints is not null;
            if (wantCheckpoint && (writes || (anyWriter && sync.FetchIsCollective)))
            {
                factoredSync?.Settle();
                if (resident is not null)
                {
                    model.PullParameters();
                    optimizer.PullState(tensors);
                }

                sync.FetchOptimizerState(model.Parameters, optimizer);
                if (resident is null)
                {
                    model.PushParameters(); // a server's copy may have replaced the host weights
                }

                accuracyStep = sync is AllReduceSync ? accuracyStep : -1; // a server's copy may replace the weights
                if (writes)
                {
                    checkpoints!.Save(new CheckpointState(step, sync.WorldSize, global, optimizer.Kind, optimizer.Steps, model.Parameters, optimizer.First, optimizer.Second));
                    checkpointStep = step;
                }
            }

            Control.Report(new TrainingProgress(step, epoch, metrics, checkpointStep));
            InjectFaults(step, cancellationToken);
        }

        factoredSync?.Settle();
        if (resident is not null)
        {
            model.PullParameters();
        }

        // The weights scored at the last epoch end are the final ones unless steps ran since (a stop mid-epoch).
        accuracy = accuracyStep == step ? accuracy : model.Accuracy(test);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new TrainingResult(step, (int)(step / stepsPerEpoch), accuracy, loss, stopped, reached, seconds);
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
