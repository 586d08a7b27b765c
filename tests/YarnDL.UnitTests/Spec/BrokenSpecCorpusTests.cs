using YarnDL.Spec;
using YarnDL.Spec.Loading;

namespace YarnDL.UnitTests.Spec;

/// <summary>Each file in Broken/ must fail with exactly the message in <see cref="Expected"/>.</summary>
public sealed class BrokenSpecCorpusTests
{
    public static readonly TheoryData<string, string> Expected = new()
    {
        { "bad-duration.yaml", "bad-duration.yaml:7:15: bad duration '10 minutes' (allowed: a positive number with suffix s, m, h or d (e.g. 90s, 10m, 2h))" },
        { "bad-enum.yaml", "bad-enum.yaml:7:11: bad value 'sometimes' for 'restart.policy' (expected one of: never, on-failure, always)" },
        { "bad-unit.yaml", "bad-unit.yaml:5:35: bad memory size '2gb' (allowed: a number of megabytes or a number with suffix m, g or t (e.g. 512m, 2g))" },
        { "duplicate-key.yaml", "duplicate-key.yaml:3:1: duplicate key 'name'" },
        { "empty-sweep.yaml", "empty-sweep.yaml:9:5: sweep parameter 'learning-rate' has no values, so the sweep expands to 0 trials" },
        { "grid-with-range.yaml", "grid-with-range.yaml:9:5: ranges { min, max } need strategy: random (grid needs a list of values)" },
        { "image-mode-without-image.yaml", "image-mode-without-image.yaml:1:1: am mode 'image' needs a top-level 'image' (or use mode: upload or local)" },
        { "missing-name.yaml", "missing-name.yaml:3:6: missing required key(s) 'name'" },
        { "negative-gpus.yaml", "negative-gpus.yaml:5:27: 'gpus' of role 'worker' must be 0 or more, got -1" },
        { "no-roles.yaml", "no-roles.yaml:1:1: at least one role is required under 'roles' (e.g. worker: { instances: 2 })" },
        { "ps-without-ps.yaml", "ps-without-ps.yaml:3:41: strategy 'ps' needs a 'ps' role" },
        { "syntax-error.yaml", "syntax-error.yaml:3:1: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'" },
        { "trainer-and-command.yaml", "trainer-and-command.yaml:3:1: exactly one of 'trainer' or 'command' is required" },
        { "two-chiefs.yaml", "two-chiefs.yaml:5:12: at most one chief is allowed, got instances: 2" },
        { "unknown-key.yaml", "unknown-key.yaml:7:5: unknown key 'gpu' in role 'worker' (allowed: instances, memory, vcores, gpus, env, image, restart)" },
        { "unknown-parameter.yaml", "unknown-parameter.yaml:8:5: unknown sweep parameter 'dropout' (allowed: batch-size, epochs, hidden-units, learning-rate, momentum, optimizer, seed)" },
        { "unknown-top-key.yaml", "unknown-top-key.yaml:4:1: unknown key 'gpus' at the top level (allowed: name, queue, priority, tags, image, am, trainer, command, roles, sweep, restart, checkpoint, deadlines, placement, docker)" },
        { "wrong-type.yaml", "wrong-type.yaml:6:16: bad value 'two' for 'roles.worker.instances' (expected an integer)" },
        { "zero-instances.yaml", "zero-instances.yaml:6:5: 'instances' of role 'worker' must be greater than 0, got 0" },
    };

    [Fact]
    public void Every_broken_file_has_an_expectation()
    {
        var files = Directory.GetFiles(RepoPaths.Of("tests", "YarnDL.UnitTests", "Spec", "Broken"), "*.yaml")
            .Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        var expected = Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, expected);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Broken_spec_fails_with_located_message(string file, string message)
    {
        var text = File.ReadAllText(RepoPaths.Of("tests", "YarnDL.UnitTests", "Spec", "Broken", file));
        var e = Assert.Throws<JobSpecException>(() => JobSpecLoader.Load(text, file));
        Assert.Equal(message, e.Message);
        Assert.Equal(file, e.File);
    }
}
