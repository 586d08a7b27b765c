using System.Globalization;
using YarnDL.Spec;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using SpecPlan = YarnDL.Spec.Plan.JobPlan;
using SpecTrial = YarnDL.Spec.Plan.TrialPlan;

namespace YarnDL.AppMaster.Plan;

/// <summary>job.yaml → YarnDL.Spec's normalized plan → the AM's <see cref="JobPlan"/> (the one place the two models meet).</summary>
internal static class SpecPlanMapper
{
    /// <summary>Approximate steps per epoch used to turn the spec's grace epochs into the median rule's grace steps.</summary>
    public const long GraceStepsPerEpoch = 100;

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads and validates a job.yaml; spec errors become a <see cref="PlanException"/>.</summary>
    public static JobPlan LoadYaml(string path)
    {
        try
        {
            return Map(JobSpecLoader.LoadFile(path));
        }
        catch (JobSpecException e)
        {
            throw new PlanException(path, [e.Message], e);
        }
    }

    public static JobPlan Map(JobSpec spec)
    {
        var plan = SpecPlan.From(spec);
        var single = plan.Trials.Count == 1 && spec.Sweep is null;
        return new JobPlan
        {
            Name = plan.Name,
            Clusters = [.. plan.Trials.Select(t => Cluster(t, single))],
            Sweep = new SweepPlan
            {
                Parallel = plan.Parallel,
                MaxFailedTrials = plan.MaxFailedTrials ?? (single ? 0 : plan.Trials.Count),
                ObjectiveMetric = plan.Objective?.Metric,
                Goal = plan.Objective?.Goal == YarnDL.Spec.Model.ObjectiveGoal.Minimize ? ObjectiveGoal.Minimize : ObjectiveGoal.Maximize,
                EarlyStopping = plan.EarlyStopping is not null,
                EarlyStoppingMinTrials = plan.EarlyStopping?.MinTrials ?? new SweepPlan().EarlyStoppingMinTrials,
                EarlyStoppingGraceSteps = plan.EarlyStopping is { } es ? es.GraceEpochs * GraceStepsPerEpoch : new SweepPlan().EarlyStoppingGraceSteps,
            },
            Restart = new RestartPlan
            {
                Policy = spec.Restart.Policy == YarnDL.Spec.Model.RestartPolicy.Never ? RestartPolicy.Never : RestartPolicy.OnFailure,
                MaxRestarts = spec.Restart.MaxRestarts,
            },
            Deadlines = new DeadlinePlan
            {
                Allocation = plan.Deadlines.Allocation.Value,
                Registration = plan.Deadlines.Registration.Value,
                Job = plan.Deadlines.Job?.Value,
            },
            CheckpointDir = plan.Checkpoint?.Dir,
            NodeLabel = plan.NodeLabel,
            Trainer = spec.Trainer is { } trainer ? TrainerSettings(trainer) : new Dictionary<string, string>(),
        };
    }

    private static ClusterPlan Cluster(SpecTrial trial, bool single) => new()
    {
        Id = single ? "main" : string.Create(CultureInfo.InvariantCulture, $"trial-{trial.Index:D4}"),
        HyperParameters = trial.Parameters.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        Roles = [.. trial.Roles.Select(r => new RolePlan
        {
            Name = r.Name,
            Instances = r.Instances,
            MemoryMb = checked((int)r.MemoryMb),
            Vcores = r.Vcores,
            Gpus = r.Gpus,
            Image = r.Image,
            Command = trial.Command,
            Env = r.Env,
            AntiAffinity = r.AntiAffinity,
            NodeAttributes = [.. r.NodeAttributes.Select(a => a.ToString())],
        })],
    };

    private static Dictionary<string, string> TrainerSettings(TrainerSpec t)
    {
        var settings = BaseTrainerSettings(t);
        if (t.InitFrom is not null)
        {
            settings["init-from"] = t.InitFrom;
        }

        if (t.Freeze.Length > 0)
        {
            settings["freeze"] = string.Join(',', t.Freeze);
        }

        return settings;
    }

    private static Dictionary<string, string> BaseTrainerSettings(TrainerSpec t) => new(StringComparer.Ordinal)
    {
        ["model"] = t.Model,
        ["dataset"] = t.Dataset,
        ["epochs"] = Text(t.Epochs),
        ["batch-size"] = Text(t.BatchSize),
        ["learning-rate"] = Text(t.LearningRate),
        ["strategy"] = t.Strategy.ToString().ToLowerInvariant(),
        ["ps-mode"] = t.PsMode.ToString().ToLowerInvariant(),
        ["mode"] = t.Mode.ToString().ToLowerInvariant(),
        ["optimizer"] = t.Optimizer,
        ["momentum"] = Text(t.Momentum),
        ["hidden"] = Text(t.HiddenUnits),
        ["seed"] = Text(t.Seed),
    };

    private static string Text(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);
}
