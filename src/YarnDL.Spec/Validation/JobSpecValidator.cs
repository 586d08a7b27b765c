using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Spec.Placement;
using YarnDL.Spec.Sweep;

namespace YarnDL.Spec.Validation;

/// <summary>Cross-field rules over a deserialized spec; the first violation is thrown, located by its key.</summary>
internal static class JobSpecValidator
{
    internal const int MaxTags = 10;
    internal const int MaxTagLength = 100;

    public static void Validate(JobSpec spec, string file, SourceMap map)
    {
        var v = new Reporter(file, map);
        ValidateTop(spec, v);
        ValidateRoles(spec, v);
        NodeAttributeRules.Validate(spec, v.Check);
        ValidateSweep(spec, v);
    }

    private static void ValidateTop(JobSpec spec, Reporter v)
    {
        v.Check(!string.IsNullOrWhiteSpace(spec.Name), "name", "'name' must not be empty");
        v.Check(spec.Tags.Count <= MaxTags, "tags", $"at most {MaxTags} tags are allowed (YARN limit), found {spec.Tags.Count}");
        for (var i = 0; i < spec.Tags.Count; i++)
        {
            v.Check(spec.Tags[i].Length is > 0 and <= MaxTagLength, $"tags[{i}]", $"a tag must have 1 to {MaxTagLength} characters");
        }

        v.Check(spec.Priority is null or >= 0, "priority", "'priority' must be 0 or more");
        v.Check(spec.Am.Vcores > 0, "am.vcores", $"'am.vcores' must be greater than 0, got {spec.Am.Vcores}");
        v.Check(spec.Am.Mode != AmMode.Image || !string.IsNullOrWhiteSpace(spec.Image), "am.mode",
            "am mode 'image' needs a top-level 'image' (or use mode: upload or local)");
        v.Check(spec.Trainer is not null ^ spec.Command is not null, spec.Trainer is null ? "name" : "command",
            "exactly one of 'trainer' or 'command' is required");
        if (spec.Trainer is { } t)
        {
            v.Check(t.Epochs > 0, "trainer.epochs", "'trainer.epochs' must be greater than 0");
            v.Check(t.BatchSize > 0, "trainer.batch-size", "'trainer.batch-size' must be greater than 0");
            v.Check(t.LearningRate > 0, "trainer.learning-rate", "'trainer.learning-rate' must be greater than 0");
            v.Check(t.HiddenUnits > 0, "trainer.hidden-units", "'trainer.hidden-units' must be greater than 0");
        }

        v.Check(spec.Restart.MaxRestarts >= 0, "restart.max-restarts", "'restart.max-restarts' must be 0 or more");
        v.Check(spec.Checkpoint is null || spec.Checkpoint.EverySteps > 0, "checkpoint.every-steps", "'checkpoint.every-steps' must be greater than 0");
        v.Check(spec.Checkpoint is null || !string.IsNullOrWhiteSpace(spec.Checkpoint.Dir), "checkpoint.dir", "'checkpoint.dir' must not be empty");
        for (var i = 0; i < spec.Docker.Mounts.Count; i++)
        {
            var parts = spec.Docker.Mounts[i].Split(':');
            v.Check(parts.Length is 2 or 3 && parts[0].StartsWith('/') && parts[1].StartsWith('/') && (parts.Length == 2 || parts[2] is "ro" or "rw"),
                $"docker.mounts[{i}]", $"bad mount '{spec.Docker.Mounts[i]}' (allowed: /host/path:/container/path[:ro|rw])");
        }
    }

    private static void ValidateRoles(JobSpec spec, Reporter v)
    {
        v.Check(spec.Roles.Count > 0, "roles", "at least one role is required under 'roles' (e.g. worker: { instances: 2 })");
        foreach (var (name, role) in spec.Roles)
        {
            var p = "roles." + name;
            v.Check(RoleNames.IsValid(name), p, $"bad role name '{name}' (allowed: lower-case letters, digits and '-', starting with a letter)");
            v.Check(role.Instances > 0, p + ".instances", $"'instances' of role '{name}' must be greater than 0, got {role.Instances}");
            v.Check(role.Vcores > 0, p + ".vcores", $"'vcores' of role '{name}' must be greater than 0, got {role.Vcores}");
            v.Check(role.Gpus >= 0, p + ".gpus", $"'gpus' of role '{name}' must be 0 or more, got {role.Gpus}");
            foreach (var (key, value) in role.Env)
            {
                v.Check(LaunchScriptValues.IsValidName(key), $"{p}.env.{key}", $"bad environment variable name '{key}' (allowed: letters, digits and '_', not starting with a digit)");
                var problem = LaunchScriptValues.Problem(value);
                v.Check(problem is null, $"{p}.env.{key}", $"the value of '{key}' {problem}");
            }
        }

        if (spec.Roles.TryGetValue(RoleNames.Chief, out var chief))
        {
            v.Check(chief.Instances == 1, "roles.chief.instances", $"at most one chief is allowed, got instances: {chief.Instances}");
        }

        if (spec.Trainer?.Strategy == TrainingStrategy.Ps)
        {
            v.Check(spec.Roles.ContainsKey(RoleNames.Ps), "trainer.strategy", "strategy 'ps' needs a 'ps' role");
        }

        for (var i = 0; i < spec.Placement.AntiAffinity.Count; i++)
        {
            var r = spec.Placement.AntiAffinity[i];
            v.Check(spec.Roles.ContainsKey(r), $"placement.anti-affinity[{i}]", $"unknown role '{r}' in anti-affinity (roles: {string.Join(", ", spec.Roles.Keys)})");
        }
    }

    private static void ValidateSweep(JobSpec spec, Reporter v)
    {
        if (spec.Sweep is not { } s)
        {
            return;
        }

        v.Check(s.Parallel > 0, "sweep.parallel", "'sweep.parallel' must be greater than 0");
        v.Check(s.MaxTrials is null or > 0, "sweep.max-trials", "'sweep.max-trials' must be greater than 0");
        v.Check(s.MaxFailedTrials is null or > 0, "sweep.max-failed-trials", "'sweep.max-failed-trials' must be greater than 0");
        v.Check(s.Parameters.Count > 0, "sweep", "a sweep needs at least one entry under 'parameters'");
        foreach (var (name, param) in s.Parameters)
        {
            var p = "sweep.parameters." + name;
            var known = SweepParameters.Known(spec);
            v.Check(known is null || known.Contains(name), p,
                $"unknown sweep parameter '{name}' (allowed: {string.Join(", ", known ?? [])})");
            v.Check(known is not null || RoleNames.IsValid(name), p, $"bad sweep parameter name '{name}' (allowed: lower-case letters, digits and '-')");
            v.Check(!param.IsRange || s.Strategy == SweepStrategy.Random, p, "ranges { min, max } need strategy: random (grid needs a list of values)");
            v.Check(param.IsRange || param.Values.Count > 0, p, $"sweep parameter '{name}' has no values, so the sweep expands to 0 trials");
            v.Check(!param.IsRange || param.Min <= param.Max, p, "range min must not be greater than max");
            v.Check(!param.IsRange || !param.LogScale || param.Min > 0, p, "a log-scale range needs min > 0");
            foreach (var value in param.Values)
            {
                v.Check(SweepParameters.TryApply(spec, name, value, out _), p, $"bad value '{value}' for sweep parameter '{name}'");
                var problem = LaunchScriptValues.Problem(value);
                v.Check(problem is null, p, $"value '{value}' of sweep parameter '{name}' reaches tasks as {SweepParameters.EnvName(name)} and {problem}");
            }
        }
    }

    private sealed class Reporter(string file, SourceMap map)
    {
        public void Check(bool ok, string path, string problem)
        {
            if (!ok)
            {
                throw YamlErrorTranslator.At(file, map.KeyOf(path), path, problem);
            }
        }
    }
}
