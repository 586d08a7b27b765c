using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>
/// AM state of a 3-trial sweep in flight, as wide as a real cluster makes the page: a chief and two workers per trial on long
/// host names, epoch-tagged container ids, long reasons. trial-0000 was stopped early by the median rule, trial-0001 succeeded
/// (the best), trial-0002 trains epoch 7 of 10 at 10 s an epoch (35 s left) and its chief checkpointed step 270 in epoch 7, 5 s ago.
/// </summary>
internal static class TrackingPageState
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>When the page is rendered: 5 s into trial-0002's 7th epoch.</summary>
    public static readonly DateTimeOffset Now = Start + TimeSpan.FromSeconds(65);

    public static AmState SweepInFlight()
    {
        var trials = new[] { "0.1", "0.05", "0.01" }.Select((lr, i) => new TrialPlan
        {
            Id = $"trial-000{i}",
            Index = i,
            Parameters = [new("learning-rate", lr), new("batch-size", "32"), new("hidden-units", "128"), new("optimizer", "adam")],
            Trainer = new TrainerSpec { Model = "mlp", Dataset = "digits", Epochs = 10 },
            Roles = [new RolePlan { Name = "chief", Instances = 1, MemoryMb = 1024 }, new RolePlan { Name = "worker", Instances = 2, MemoryMb = 1024 }],
        }).ToList();
        var plan = new JobPlan
        {
            Name = "digits-sweep",
            Trials = trials,
            Sweep = new SweepPlan { Parallel = 3, ObjectiveMetric = "val_accuracy", EarlyStopping = true },
        };
        var state = new AmState(plan, "alice") { ApplicationId = "application_1764600000000_0007" };
        var epochs = new[] { 4, 10, 7 };
        var speed = new[] { 0.25, 0.45, 0.3 };
        var top = new[] { 0.93, 0.975, 0.95 };
        for (var t = 0; t < 3; t++)
        {
            var s = state.Sessions[t];
            s.State = ClusterState.Running;
            var n = 0;
            foreach (var slot in s.Slots)
            {
                slot.ContainerId = $"container_e17_1764600000000_0007_01_{(t * 3) + n + 2:D6}";
                slot.NodeId = $"ip-10-20-{t}-{n + 11}.eu-west-1.compute.internal:45454";
                slot.NodeHttpAddress = $"ip-10-20-{t}-{n + 11}.eu-west-1.compute.internal:8042";
                s.Register(new TaskIdentity(s.Id, slot.Role, slot.Index, 0), $"10.20.{t}.{n + 11}", 40000 + n, Start);
                n++;
            }

            for (var e = 0; e < epochs[t]; e++)
            {
                var loss = (2.2 * Math.Exp(-speed[t] * 2 * (e + 1))) + 0.06 + (0.01 * t);
                var acc = top[t] - (0.8 * Math.Exp(-speed[t] * 2 * (e + 1)));
                var at = Start + TimeSpan.FromSeconds(10 * e);
                foreach (var slot in s.Slots)
                {
                    var metrics = new Dictionary<string, double> { ["loss"] = loss, ["accuracy"] = acc, ["val_accuracy"] = acc, ["examples_per_s"] = 5200 - (100 * t) };
                    var checkpoint = slot.Role == "chief" && e > 0 ? Math.Min(e, 6) * 45L : -1;
                    s.Heartbeat(new HeartbeatRequest(new TaskIdentity(s.Id, slot.Role, slot.Index, 0), (e * 45) + 1, e, metrics, checkpoint), at);
                }
            }
        }

        var best = state.Sessions[1];
        best.Finish(ClusterState.Succeeded, new Dictionary<string, double> { ["loss"] = 0.0712, ["val_accuracy"] = 0.9712, ["accuracy"] = 0.9712, ["steps"] = 450, ["epochs"] = 10 });
        foreach (var slot in best.Slots)
        {
            slot.State = TaskState.Succeeded;
            slot.ExitReason = "finished";
        }

        var stopped = state.Sessions[0];
        stopped.Finish(ClusterState.EarlyStopped);
        stopped.FailureReason = "stopped by the median rule at step 180: val_accuracy 0.8217 below the median 0.9281 of the other trials at that step";
        foreach (var slot in stopped.Slots)
        {
            slot.State = TaskState.Stopped;
            slot.ExitReason = "stopped by the AM (early stop): the median stopping rule found val_accuracy below the other trials' median";
        }

        return state;
    }
}
