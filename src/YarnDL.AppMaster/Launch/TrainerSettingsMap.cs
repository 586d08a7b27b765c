using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Launch;

/// <summary>A trial's trainer section (its sweep values applied) and the job's checkpoint interval as the trainer's typed contract.</summary>
internal static class TrainerSettingsMap
{
    public static TrainerSettings Of(TrainerSpec t, CheckpointSpec? checkpoint) => new()
    {
        Model = t.Model,
        Dataset = t.Dataset,
        Epochs = t.Epochs,
        BatchSize = t.BatchSize,
        LearningRate = t.LearningRate,
        Optimizer = t.Optimizer,
        Momentum = t.Momentum,
        Strategy = ModelKeys.ValueOf(t.Strategy),
        PsMode = ModelKeys.ValueOf(t.PsMode),
        Mode = ModelKeys.ValueOf(t.Mode),
        HiddenUnits = t.HiddenUnits,
        Seed = (ulong)t.Seed,
        InitFrom = t.InitFrom,
        Freeze = t.Freeze.Length > 0 ? t.Freeze : null,
        CheckpointEverySteps = checkpoint?.EverySteps,
        Backend = ModelKeys.ValueOf(t.Backend),
    };
}
