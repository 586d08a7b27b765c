using System.Text;
using System.Text.Json;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Launch;
using YarnDL.Client.Submit;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;
using YarnDL.Spec.Units;
using YarnDL.TaskProtocol;
using YarnDL.Training.Config;
using YarnDL.Yarn.Rest.Json;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.UnitTests.Spec;

/// <summary>Every job.yaml key reaches a consumer: a non-default value changes the submission, the AM's plan (resource
/// asks, restart, sweep and deadline policy) or a task's launch environment, where the trainer's settings count as the
/// trainer's effective settings. A new key without a consumer fails here.</summary>
public sealed class KeyReachTests
{
    /// <summary>Keys that have a single allowed value, so no non-default value exists to try.</summary>
    private static readonly string[] SingleValued =
    [
        "sweep.early-stopping.rule", // only 'median'
    ];

    /// <summary>Keys only the client reads, whose effect is in what the client does rather than in the submission.
    /// None today: the client's own keys (name, queue, priority, tags, am.*, docker.*) all change the submission.</summary>
    private static readonly string[] ClientOnly = [];

    private static readonly JobSpec Base = JobSpecLoader.Load("""
        name: reach
        image: reg/img:1
        trainer: { model: mlp, dataset: digits }
        roles:
          chief: { instances: 1 }
          worker: { instances: 2 }
        sweep:
          objective: { metric: val_accuracy }
          early-stopping: {}
          parameters: { learning-rate: [0.1, 0.05] }
        checkpoint: { dir: "hdfs:///ckpt" }
        """);

    private static readonly JobSpec RandomBase = Base with
    {
        Sweep = Base.Sweep! with
        {
            Strategy = SweepStrategy.Random,
            MaxTrials = 2,
            Parameters = new() { ["learning-rate"] = new ParameterSpec { Min = 0.001, Max = 0.1 } },
        },
    };

    /// <summary>key → (the spec to compare against, the same spec with that key changed).</summary>
    private static readonly Dictionary<string, (JobSpec Before, JobSpec After)> Changes = new(StringComparer.Ordinal)
    {
        ["name"] = Of(s => s with { Name = "other" }),
        ["queue"] = Of(s => s with { Queue = "gpu" }),
        ["priority"] = Of(s => s with { Priority = 5 }),
        ["tags"] = Of(s => s with { Tags = ["team-a"] }),
        ["image"] = Of(s => s with { Image = "reg/img:2" }),
        ["am.memory"] = Of(s => s with { Am = s.Am with { Memory = MemorySize.FromMegabytes(4096) } }),
        ["am.vcores"] = Of(s => s with { Am = s.Am with { Vcores = 4 } }),
        ["am.mode"] = Of(s => s with { Am = s.Am with { Mode = AmMode.Upload } }),
        ["trainer.model"] = Trainer(t => t with { Model = "cnn" }),
        ["trainer.dataset"] = Trainer(t => t with { Dataset = "synthetic" }),
        ["trainer.epochs"] = Trainer(t => t with { Epochs = 3 }),
        ["trainer.batch-size"] = Trainer(t => t with { BatchSize = 8 }),
        ["trainer.learning-rate"] = Of(s => s with { Sweep = null, Trainer = s.Trainer! with { LearningRate = 0.2 } }, s => s with { Sweep = null }),
        ["trainer.strategy"] = Trainer(t => t with { Strategy = TrainingStrategy.Ps }),
        ["trainer.ps-mode"] = Trainer(t => t with { PsMode = PsMode.Async }),
        ["trainer.mode"] = Trainer(t => t with { Mode = TrainerMode.Infer }),
        ["trainer.init-from"] = Trainer(t => t with { InitFrom = "hdfs:///init" }),
        ["trainer.freeze"] = Trainer(t => t with { Freeze = ["hidden1"] }),
        ["trainer.optimizer"] = Trainer(t => t with { Optimizer = "adam" }),
        ["trainer.momentum"] = Trainer(t => t with { Momentum = 0.5 }),
        ["trainer.hidden-units"] = Trainer(t => t with { HiddenUnits = 16 }),
        ["trainer.seed"] = Trainer(t => t with { Seed = 7 }),
        ["trainer.backend"] = Trainer(t => t with { Backend = TrainerBackend.Cpu }),
        ["command"] = Of(s => s with { Trainer = null, Command = "python train.py" }),
        ["roles.<name>.instances"] = Worker(r => r with { Instances = 3 }),
        ["roles.<name>.memory"] = Worker(r => r with { Memory = MemorySize.FromMegabytes(4096) }),
        ["roles.<name>.vcores"] = Worker(r => r with { Vcores = 2 }),
        ["roles.<name>.gpus"] = Worker(r => r with { Gpus = 1 }),
        ["roles.<name>.env"] = Worker(r => r with { Env = new() { ["A"] = "1" } }),
        ["roles.<name>.image"] = Worker(r => r with { Image = "reg/other:1" }),
        ["roles.<name>.restart"] = Worker(r => r with { Restart = RestartPolicy.Never }),
        ["roles.<name>.node-attributes"] = Worker(r => r with { NodeAttributes = ["nm.yarn.io/gpu-model=A100"] }),
        ["sweep.strategy"] = Of(s => RandomBase, s => s),
        ["sweep.parallel"] = Sweep(w => w with { Parallel = 2 }),
        ["sweep.max-trials"] = Sweep(w => w with { MaxTrials = 1 }),
        ["sweep.max-failed-trials"] = Sweep(w => w with { MaxFailedTrials = 1 }),
        ["sweep.seed"] = Of(s => RandomBase with { Sweep = RandomBase.Sweep! with { Seed = 9 } }, s => RandomBase),
        ["sweep.objective.metric"] = Sweep(w => w with { Objective = w.Objective! with { Metric = "loss" } }),
        ["sweep.objective.goal"] = Sweep(w => w with { Objective = w.Objective! with { Goal = ObjectiveGoal.Minimize } }),
        ["sweep.early-stopping.min-trials"] = Sweep(w => w with { EarlyStopping = w.EarlyStopping! with { MinTrials = 5 } }),
        ["sweep.early-stopping.grace-epochs"] = Sweep(w => w with { EarlyStopping = w.EarlyStopping! with { GraceEpochs = 4 } }),
        ["sweep.parameters"] = Sweep(w => w with { Parameters = new() { ["batch-size"] = new ParameterSpec { Values = ["16"] } } }),
        ["restart.policy"] = Of(s => s with { Restart = s.Restart with { Policy = RestartPolicy.Always } }),
        ["restart.max-restarts"] = Of(s => s with { Restart = s.Restart with { MaxRestarts = 0 } }),
        ["checkpoint.dir"] = Of(s => s with { Checkpoint = s.Checkpoint! with { Dir = "hdfs:///other" } }),
        ["checkpoint.every-steps"] = Of(s => s with { Checkpoint = s.Checkpoint! with { EverySteps = 10 } }),
        ["deadlines.allocation"] = Of(s => s with { Deadlines = s.Deadlines with { Allocation = Duration.FromMinutes(1) } }),
        ["deadlines.registration"] = Of(s => s with { Deadlines = s.Deadlines with { Registration = Duration.FromMinutes(1) } }),
        ["deadlines.job"] = Of(s => s with { Deadlines = s.Deadlines with { Job = Duration.FromMinutes(30) } }),
        ["placement.node-label"] = Of(s => s with { Placement = s.Placement with { NodeLabel = "gpu" } }),
        ["placement.anti-affinity"] = Of(s => s with { Placement = s.Placement with { AntiAffinity = ["worker"] } }),
        ["placement.node-attributes"] = Of(s => s with { Placement = s.Placement with { NodeAttributes = ["rm.yarn.io/os=ubuntu"] } }),
        ["docker.mounts"] = Of(s => s with { Docker = s.Docker with { Mounts = ["/data:/data:ro"] } }),
        ["docker.network"] = Of(s => s with { Docker = s.Docker with { Network = "bridge" } }),
    };

    public static TheoryData<string> Keys() => [.. ModelKeys.AllPaths().Where(k => !IsSection(k))];

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_non_default_value_reaches_a_consumer(string key)
    {
        if (SingleValued.Contains(key) || ClientOnly.Contains(key))
        {
            Assert.DoesNotContain(key, Changes.Keys);
            return;
        }

        Assert.True(Changes.TryGetValue(key, out var change), $"'{key}' has no entry here: add the change that shows which consumer reads it");
        Assert.NotEqual(Fingerprint(change.Before), Fingerprint(change.After));
    }

    [Fact]
    public void Every_entry_is_a_key_of_the_model() =>
        Assert.Empty(Changes.Keys.Concat(SingleValued).Concat(ClientOnly).Except(ModelKeys.AllPaths()));

    /// <summary>A key with keys below it reaches its consumers through them.</summary>
    private static bool IsSection(string key) => ModelKeys.AllPaths().Any(k => k.StartsWith(key + ".", StringComparison.Ordinal));

    private static (JobSpec, JobSpec) Of(Func<JobSpec, JobSpec> after, Func<JobSpec, JobSpec>? before = null) =>
        ((before ?? (s => s))(Base), after(Base));

    private static (JobSpec, JobSpec) Trainer(Func<TrainerSpec, TrainerSpec> f) => Of(s => s with { Trainer = f(s.Trainer!) });

    private static (JobSpec, JobSpec) Sweep(Func<SweepSpec, SweepSpec> f) => Of(s => s with { Sweep = f(s.Sweep!) });

    private static (JobSpec, JobSpec) Worker(Func<RoleSpec, RoleSpec> f) =>
        Of(s => s with { Roles = new(s.Roles) { ["worker"] = f(s.Roles["worker"]) } });

    /// <summary>What the consumers see: the submission, then per trial and role the ask, restart policy and each task's
    /// launch environment with YARNDL_TRAINER replaced by the trainer's effective settings.</summary>
    private static string Fingerprint(JobSpec spec)
    {
        var sb = new StringBuilder();
        var submission = SubmissionBuilder.Build(spec, "application_1_0001", new SubmitOptions { User = "alice" }, spec.Am.Mode,
            new Dictionary<string, LocalResource>(), "hdfs://nn/staging");
        sb.AppendLine(JsonSerializer.Serialize(submission, RestJsonContext.Default.ApplicationSubmissionContext));
        var plan = JobPlan.From(spec);
        sb.AppendLine($"{plan.Sweep} {plan.Deadlines} label={plan.NodeLabel}");
        var settings = new LaunchSettings { AmUrl = new Uri("http://am:1/"), Secret = "s", TrainerCommand = "trainer", Runtime = TaskRuntime.Image };
        foreach (var trial in plan.Trials)
        {
            var cluster = new ClusterSession(trial, 16);
            foreach (var role in trial.Roles)
            {
                var placement = AmDriver.PlacementOf(cluster, role);
                sb.AppendLine($"{trial.Id} {role.Name} x{role.Instances} {role.MemoryMb}MB {role.Vcores}vc {role.Gpus}gpu {role.Restart}/{role.MaxRestarts} "
                    + $"anti={placement?.AntiAffinity} attrs={string.Join(',', placement?.NodeAttributes ?? [])}");
            }

            foreach (var slot in cluster.Slots)
            {
                var launch = LaunchContextFactory.Build(cluster, slot, plan, settings);
                sb.AppendLine(launch.Command);
                foreach (var (k, v) in launch.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    sb.AppendLine(k == TaskEnv.TrainerConfig ? $"trainer {Effective(v)}" : $"{k}={v}");
                }
            }
        }

        return sb.ToString();
    }

    private static string Effective(string encoded)
    {
        var options = TrainerOptionsParser.Parse(TrainerOptionsParser.ParseJson(TaskEnvValue.Decode(TaskEnv.TrainerConfig, encoded), TaskEnv.TrainerConfig), []);
        return TrainerOptionsParser.Effective(options, options.Backend).ToJson();
    }
}
