using System.Diagnostics;
using System.Globalization;
using YarnDL.TaskProtocol;
using YarnDL.Training.Checkpoints;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;
using YarnDL.Training.Model;

namespace YarnDL.Training.Session;

/// <summary>The named steps of <see cref="Run"/>: setting a run up, one training step, the end of an epoch, a
/// checkpoint and the end of the run.</summary>
internal sealed partial class TrainingSession
{
    /// <summary>This rank writes the checkpoints.</summary>
    private bool Writes => IsChief && checkpoints is not null;

    /// <summary>Builds the model, resumes or initialises it, starts the sync and fixes the batch geometry.</summary>
    private TrainingPlan Prepare()
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
        _correctCount[0] = IsChief && checkpoints is not null ? 1 : 0;
        var anyWriter = !sync.TrySumMetrics(_correctCount) || _correctCount[0] > 0;
        var global = Math.Max(options.BatchSize, sync.WorldSize);
        var stepsPerEpoch = Math.Max(1, train.Count / global);

        // Several resident ranks copy the gradient out and the sum back in every step: through page-locked memory that
        // the ring sums in place.
        var buffer = resident is { SumsOnHost: true } ? tensors.AllocateStaging(p + StepControl.Slots) : new float[p + StepControl.Slots];
        var lo = global * sync.Rank / sync.WorldSize;
        var hi = global * (sync.Rank + 1) / sync.WorldSize;

        // Two ranks and a model with a large dense layer: exchange that layer's factors instead of its gradient. The
        // peer's rows of that layer then arrive when the next pass asks for them; whatever else reads the weights
        // (the epoch's test, a checkpoint, the end) settles them first.
        var factoredModel = frozen.Count == 0 && !tensors.IsResident ? model as IFactoredModel : null;
        var factoredSync = sync as IFactoredSync;
        var factor = factoredModel is not null && factoredSync is not null && factoredSync.CanFactor(factoredModel.Factored, p, buffer.Length, global);
        return new TrainingPlan
        {
            Model = model,
            Optimizer = optimizer,
            Frozen = frozen,
            FirstStep = step,
            Resident = resident,
            GradientOnDevice = resident is { SumsOnHost: false },
            AnyWriter = anyWriter,
            GlobalBatch = global,
            StepsPerEpoch = stepsPerEpoch,
            TotalSteps = (long)options.Epochs * stepsPerEpoch,
            Buffer = buffer,
            Lo = lo,
            Hi = hi,

            // Synchronous modes sum the ranks' gradients, so each is scaled by the global batch; an async push is a step on its own.
            Share = sync.IsSynchronous ? global : hi - lo,
            FactoredSync = factoredSync,
            FactoredModel = factor ? factoredModel : null,
            Exchange = factor ? factoredSync!.StartFactored(factoredModel!.Factored, model.Parameters, optimizer) : null,
        };
    }

    /// <summary>A new epoch draws its order of the training set.</summary>
    private void EnterEpoch(TrainingRunState state, int epoch)
    {
        if (epoch != state.OrderEpoch)
        {
            state.Order = Rng.Permutation(train.Count, (options.Seed * 1_000_003UL) + (ulong)epoch);
            state.OrderEpoch = epoch;
        }
    }

    /// <summary>This rank's gradient and <see cref="StepControl"/> into the buffer, the sync's sum and update; returns the
    /// control slots as summed over the ranks.</summary>
    private StepControl TrainStep(TrainingPlan plan, TrainingRunState state, TaskCommand command)
    {
        var buffer = plan.Buffer;
        var first = (int)(state.Step % plan.StepsPerEpoch) * plan.GlobalBatch;
        var examples = state.Order.AsSpan(first + plan.Lo, plan.Hi - plan.Lo);
        var computeStarted = Stopwatch.GetTimestamp();
        var loss = plan.Exchange is not null ? plan.FactoredModel!.LossAndFactors(train, examples, 1f / plan.Share, buffer, plan.Exchange)
            : plan.GradientOnDevice ? plan.Model.LossAndResidentGradient(train, examples, 1f / plan.Share, buffer)
            : plan.Model.LossAndGradient(train, examples, 1f / plan.Share, buffer);
        foreach (var f in plan.Frozen)
        {
            if (plan.GradientOnDevice)
            {
                tensors.Clear(tensors.Mirror(buffer).View(f.Offset, f.Length));
            }
            else
            {
                buffer.AsSpan(f.Offset, f.Length).Clear();
            }
        }

        StepControl.Local(loss, command).WriteTo(plan.ControlSlots);
        if (plan.Exchange is not null)
        {
            plan.FactoredSync!.UpdateFactored(buffer, plan.GlobalBatch, computeStarted, tensors.HostKernels);
        }
        else if (plan.GradientOnDevice)
        {
            plan.Resident!.UpdateOnDevice(buffer, plan.Model.Parameters, plan.Optimizer, tensors);
        }
        else if (plan.Resident is not null)
        {
            plan.Resident.UpdateResident(buffer, plan.Model.Parameters, plan.Optimizer, tensors);
        }
        else
        {
            sync.Update(buffer, plan.Model.Parameters, plan.Optimizer, tensors.HostKernels);
            plan.Model.PushParameters();
        }

        return StepControl.ReadSummed(plan.ControlSlots);
    }

    /// <summary>Scores the test set, logs the epoch and writes its scalars (rank 0).</summary>
    private void EndEpoch(TrainingPlan plan, TrainingRunState state, int epoch)
    {
        plan.FactoredSync?.Settle();
        state.Accuracy = EpochAccuracy(plan.Model);
        state.AccuracyStep = state.Step;
        var now = Stopwatch.GetTimestamp();
        var rate = plan.StepsPerEpoch * (double)plan.GlobalBatch / Stopwatch.GetElapsedTime(state.EpochStart, now).TotalSeconds;
        state.EpochStart = now;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch={epoch + 1} step={state.Step} loss={state.Loss:F4} accuracy={state.Accuracy:F4} examples_per_s={rate:F0}"));
        state.Reached = options.TargetAccuracy is { } target && state.Accuracy >= target;
        state.Metrics = Metrics(state.Loss, state.Accuracy, rate);
        if (IsChief)
        {
            Events?.WriteScalars(state.Step, state.Metrics);
        }
    }

    /// <summary>A checkpoint is due (asked for, the run ends, or the period is up) and this rank takes part in it:
    /// it writes, or the optimizer state it holds is gathered collectively for the writer.</summary>
    private bool WantsCheckpoint(TrainingPlan plan, TrainingRunState state, StepControl control)
    {
        var due = control.Checkpoint || state.Stopped || state.Reached || state.Step == plan.TotalSteps ||
            (options.CheckpointEverySteps > 0 && state.Step % options.CheckpointEverySteps == 0);
        return due && (Writes || (plan.AnyWriter && sync.FetchIsCollective));
    }

    /// <summary>Gathers the weights and the optimizer state, and rank 0 saves them.</summary>
    private void Checkpoint(TrainingPlan plan, TrainingRunState state)
    {
        var (model, optimizer) = (plan.Model, plan.Optimizer);
        plan.FactoredSync?.Settle();
        if (plan.Resident is not null)
        {
            model.PullParameters();
            optimizer.PullState(tensors);
        }

        sync.FetchOptimizerState(model.Parameters, optimizer);
        if (plan.Resident is null)
        {
            model.PushParameters(); // a server's copy may have replaced the host weights
        }

        state.AccuracyStep = sync is AllReduceSync ? state.AccuracyStep : -1; // a server's copy may replace the weights
        if (Writes)
        {
            checkpoints!.Save(new CheckpointState(state.Step, sync.WorldSize, plan.GlobalBatch, optimizer.Kind, optimizer.Steps, model.Parameters, optimizer.First, optimizer.Second));
            state.CheckpointStep = state.Step;
        }
    }

    /// <summary>Makes the weights current on the host and scores them unless the last epoch's score stands for them.</summary>
    private TrainingResult Finish(TrainingPlan plan, TrainingRunState state)
    {
        plan.FactoredSync?.Settle();
        if (plan.Resident is not null)
        {
            plan.Model.PullParameters();
        }

        // The weights scored at the last epoch end are the final ones unless steps ran since (a stop mid-epoch).
        var accuracy = state.AccuracyStep == state.Step ? state.Accuracy : plan.Model.Accuracy(test);
        var seconds = Stopwatch.GetElapsedTime(state.Started).TotalSeconds;
        return new TrainingResult(state.Step, (int)(state.Step / plan.StepsPerEpoch), accuracy, state.Loss, state.Stopped, state.Reached, seconds);
    }
}
