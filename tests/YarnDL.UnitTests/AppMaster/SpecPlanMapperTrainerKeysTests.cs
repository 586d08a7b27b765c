using System.Text.Json;
using YarnDL.AppMaster.Plan;
using YarnDL.Spec.Loading;
using YarnDL.Training.Config;

namespace YarnDL.UnitTests.AppMaster;

public sealed class SpecPlanMapperTrainerKeysTests
{
    [Fact]
    public void PsModeInferInitFromAndFreeze_TravelFromJobYaml_ToTheTrainersOwnParser()
    {
        var spec = JobSpecLoader.Load("""
            name: t
            image: img:1
            trainer: { model: cnn, dataset: fashion-mnist, strategy: ps, ps-mode: async, mode: infer, init-from: "hdfs:///ckpt", freeze: [conv, hidden] }
            roles:
              worker: { instances: 2 }
              ps: { instances: 1 }
            """);

        var plan = SpecPlanMapper.Map(spec);
        var options = TrainerOptionsParser.Parse(JsonSerializer.Serialize(plan.Trainer), null, []);

        Assert.Equal(("ps", "async", "infer", "hdfs:///ckpt", "fashion-mnist"), (options.Strategy, options.PsMode, options.Mode, options.InitFrom, options.Dataset));
        Assert.Equal(["conv", "hidden"], options.Freeze);
    }

    [Fact]
    public void Defaults_MapToTrainAndSync_WithoutInitFromOrFreeze()
    {
        var plan = SpecPlanMapper.Map(JobSpecLoader.Load("""
            name: t
            image: img:1
            trainer: { model: mlp, dataset: digits }
            roles:
              worker: { instances: 1 }
            """));

        Assert.Equal(("sync", "train"), (plan.Trainer["ps-mode"], plan.Trainer["mode"]));
        Assert.False(plan.Trainer.ContainsKey("init-from"));
        Assert.False(plan.Trainer.ContainsKey("freeze"));
    }
}
