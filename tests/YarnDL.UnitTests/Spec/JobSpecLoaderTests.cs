using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Spec.Plan;
using YarnDL.Spec.Units;

namespace YarnDL.UnitTests.Spec;

public sealed class JobSpecLoaderTests
{
    [Fact]
    public void Digits_sweep_example_loads_as_two_trials_of_two_cpu_workers()
    {
        var spec = JobSpecLoader.LoadFile(RepoPaths.Of("examples", "digits-sweep.yaml"));
        var plan = JobPlan.From(spec);

        Assert.Equal("digits-sweep", plan.Name);
        Assert.Equal(2, plan.Trials.Count);
        Assert.All(plan.Trials, t => Assert.Equal(2, t.Roles.Single(r => r.Name == "worker").Instances));
        Assert.Equal(0, plan.MaxGpusPerTask);
        Assert.Equal([0.1, 0.05], plan.Trials.Select(t => t.Trainer!.LearningRate));
        Assert.Equal("0.1", plan.Trials[0].Roles[0].Env["YARNDL_HP_LEARNING_RATE"]);
    }

    [Theory]
    [InlineData("digits-sweep.yaml")]
    [InlineData("gpu-allreduce.yaml")]
    public void Every_example_validates(string file)
    {
        var spec = JobSpecLoader.LoadFile(RepoPaths.Of("examples", file));
        Assert.NotEmpty(spec.Roles);
    }

    [Fact]
    public void Defaults_and_kebab_keys_bind()
    {
        var spec = JobSpecLoader.Load("""
            name: t
            image: img:1
            trainer: { model: mlp, dataset: digits, batch-size: 32 }
            roles:
              worker: { instances: 3, memory: 512m, restart: never }
            restart: { policy: always, max-restarts: 1 }
            deadlines: { job: 2h }
            """);

        Assert.Equal(32, spec.Trainer!.BatchSize);
        Assert.Equal(512, spec.Roles["worker"].Memory.Megabytes);
        Assert.Equal(RestartPolicy.Never, spec.Roles["worker"].Restart);
        Assert.Equal(RestartPolicy.Always, spec.Restart.Policy);
        Assert.Equal(TimeSpan.FromHours(2), spec.Deadlines.Job!.Value.Value);
        Assert.Equal(1024, spec.Am.Memory.Megabytes);
        Assert.Equal(TimeSpan.FromMinutes(10), spec.Deadlines.Allocation.Value);
    }

    [Fact]
    public void Grid_is_a_cartesian_product_with_the_last_parameter_fastest()
    {
        var plan = JobPlan.From(JobSpecLoader.Load("""
            name: t
            image: img:1
            trainer: { model: mlp, dataset: digits }
            roles: { worker: { instances: 1 } }
            sweep:
              parameters: { learning-rate: [0.1, 0.01], batch-size: [32, 64, 128] }
            """));

        var points = plan.Trials.Select(t => string.Join(",", t.Parameters.Select(p => p.Value))).ToList();
        Assert.Equal(["0.1,32", "0.1,64", "0.1,128", "0.01,32", "0.01,64", "0.01,128"], points);
        Assert.Equal(Enumerable.Range(0, 6), plan.Trials.Select(t => t.Index));
    }

    [Fact]
    public void Max_trials_truncates_a_grid()
    {
        var plan = JobPlan.From(JobSpecLoader.Load("""
            name: t
            image: img:1
            command: ./run.sh
            roles: { worker: { instances: 1 } }
            sweep: { max-trials: 2, parameters: { a: [1, 2, 3] } }
            """));

        Assert.Equal(2, plan.Trials.Count);
        Assert.Equal("2", plan.Trials[1].Roles[0].Env["YARNDL_HP_A"]);
    }

    [Fact]
    public void Random_sweep_is_reproducible_for_a_seed_and_stays_in_range()
    {
        const string yaml = """
            name: t
            image: img:1
            trainer: { model: mlp, dataset: digits }
            roles: { worker: { instances: 1 } }
            sweep:
              strategy: random
              seed: 7
              max-trials: 5
              parameters:
                learning-rate: { min: 0.001, max: 0.1, scale: log }
                batch-size: [32, 64]
            """;
        var a = JobPlan.From(JobSpecLoader.Load(yaml));
        var b = JobPlan.From(JobSpecLoader.Load(yaml));

        Assert.Equal(5, a.Trials.Count);
        Assert.Equal(a.Trials.Select(t => t.Trainer), b.Trials.Select(t => t.Trainer));
        Assert.All(a.Trials, t => Assert.InRange(t.Trainer!.LearningRate, 0.001, 0.1));
        Assert.All(a.Trials, t => Assert.Contains(t.Trainer!.BatchSize, new[] { 32, 64 }));
    }

    [Theory]
    [InlineData("512m", 512)]
    [InlineData("2g", 2048)]
    [InlineData("2G", 2048)]
    [InlineData("1t", 1048576)]
    [InlineData("300", 300)]
    public void Memory_sizes_parse(string text, long mb)
    {
        Assert.True(MemorySize.TryParse(text, out var m));
        Assert.Equal(mb, m.Megabytes);
    }

    [Theory]
    [InlineData("2gb")]
    [InlineData("1.5g")]
    [InlineData("g")]
    [InlineData("-1g")]
    public void Bad_memory_sizes_are_rejected(string text) => Assert.False(MemorySize.TryParse(text, out _));
}
