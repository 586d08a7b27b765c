using System.Globalization;
using YarnDL.Spec.Model;
using YarnDL.Spec.Placement;
using YarnDL.Spec.Sweep;

namespace YarnDL.Spec.Plan;

/// <summary>One training cluster: a trial of the sweep (or the single run).</summary>
public sealed record TrialPlan
{
    /// <summary>Cluster id of a job without a sweep.</summary>
    public const string MainId = "main";

    /// <summary>Cluster id, <c>main</c> or <c>trial-0003</c>; names the task's checkpoint subdirectory.</summary>
    public required string Id { get; init; }

    public int Index { get; init; }

    /// <summary>Hyper-parameters of this trial, in the file's order (empty for a plain job).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Trainer settings with this trial's values applied; null for command jobs.</summary>
    public TrainerSpec? Trainer { get; init; }

    /// <summary>Shell command of every task; null for trainer jobs.</summary>
    public string? Command { get; init; }

    public required IReadOnlyList<RolePlan> Roles { get; init; }

    /// <summary>Total tasks of the trial.</summary>
    public int TaskCount => Roles.Sum(r => r.Instances);

    /// <summary><see cref="Parameters"/> by name.</summary>
    public IReadOnlyDictionary<string, string> HyperParameters => Parameters.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Cluster id of sweep trial <paramref name="index"/>.</summary>
    public static string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"trial-{index:D4}");

    internal static TrialPlan From(JobSpec spec, Trial trial, string id)
    {
        var trainer = spec.Trainer;
        foreach (var (k, v) in trial.Parameters)
        {
            SweepParameters.TryApply(spec with { Trainer = trainer }, k, v, out trainer);
        }

        var hp = trial.Parameters.ToDictionary(kv => SweepParameters.EnvName(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        var roles = spec.Roles.Select(kv => new RolePlan
        {
            Name = kv.Key,
            Instances = kv.Value.Instances,
            MemoryMb = kv.Value.Memory.Megabytes,
            Vcores = kv.Value.Vcores,
            Gpus = kv.Value.Gpus,
            Image = kv.Value.Image ?? spec.Image,
            Command = spec.Command,
            Env = new Dictionary<string, string>(kv.Value.Env.Concat(hp), StringComparer.Ordinal),
            Restart = kv.Value.Restart ?? spec.Restart.Policy,
            MaxRestarts = spec.Restart.MaxRestarts,
            AntiAffinity = spec.Placement.AntiAffinity.Contains(kv.Key),
            NodeAttributes = [.. RoleNodeAttributes.Of(spec, kv.Key).Select(a => a.Expression)],
        }).ToList();
        return new TrialPlan { Id = id, Index = trial.Index, Parameters = trial.Parameters, Trainer = trainer, Command = spec.Command, Roles = roles };
    }
}
