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
        { "env-bad-name.yaml", "env-bad-name.yaml:7:12: bad environment variable name 'my-var' (allowed: letters, digits and '_', not starting with a digit)" },
        { "env-value-with-quote.yaml", "env-value-with-quote.yaml:8:7: the value of 'OPTS' contains a double quote (\") at character 8, which YARN's launch script would alter (values are written as export NAME=\"VALUE\"; allowed: anything but \" ` \\ and line breaks; $VAR expands as in bash)" },
        { "empty-sweep.yaml", "empty-sweep.yaml:9:5: sweep parameter 'learning-rate' has no values, so the sweep expands to 0 trials" },
        { "grid-with-range.yaml", "grid-with-range.yaml:9:5: ranges { min, max } need strategy: random (grid needs a list of values)" },
        { "image-mode-without-image.yaml", "image-mode-without-image.yaml:1:1: am mode 'image' needs a top-level 'image' (or use mode: upload or local)" },
        { "missing-name.yaml", "missing-name.yaml:3:6: missing required key(s) 'name'" },
        { "negative-gpus.yaml", "negative-gpus.yaml:5:27: 'gpus' of role 'worker' must be 0 or more, got -1" },
        { "no-roles.yaml", "no-roles.yaml:1:1: at least one role is required under 'roles' (e.g. worker: { instances: 2 })" },
        { "node-attribute-bad-name.yaml", "node-attribute-bad-name.yaml:6:32: placement.node-attributes[0]: bad node attribute name 'gpu model' in 'nm.yarn.io/gpu model=A100' (allowed: letters, digits, '-', '_' and '.', starting with a letter or digit, at most 255 characters)" },
        { "node-attribute-bad-prefix.yaml", "node-attribute-bad-prefix.yaml:7:52: roles.worker.node-attributes[1]: bad node attribute prefix 'gpu.example.com' in 'gpu.example.com/model=A100' (allowed: rm.yarn.io, set by administrators, or nm.yarn.io, set by the NodeManagers; no prefix means rm.yarn.io; node labels go in placement.node-label)" },
        { "node-attribute-bad-value.yaml", "node-attribute-bad-value.yaml:5:45: roles.worker.node-attributes[0]: bad node attribute value '_centos7' in 'rm.yarn.io/os!=_centos7' (allowed: letters, digits, '-', '_' and '.', starting with a letter or digit, at most 255 characters; one value, no '=')" },
        { "node-attribute-conflicting-operators.yaml", "node-attribute-conflicting-operators.yaml:8:23: roles.worker.node-attributes[0]: 'nm.yarn.io/gpu-model!=A100' conflicts with 'nm.yarn.io/gpu-model=A100' (placement.node-attributes[0]) in role 'worker': the same attribute with '=' and '!=' (allowed: one operator per attribute)" },
        { "node-attribute-empty.yaml", "node-attribute-empty.yaml:7:33: placement.node-attributes[1]: empty node attribute expression (allowed: [prefix/]name=value or [prefix/]name!=value, e.g. nm.yarn.io/gpu-model=A100)" },
        { "node-attribute-no-operator.yaml", "node-attribute-no-operator.yaml:8:7: placement.node-attributes[0]: bad node attribute expression 'nm.yarn.io/gpu-model' (allowed: [prefix/]name=value or [prefix/]name!=value, e.g. nm.yarn.io/gpu-model=A100)" },
        { "node-attribute-two-values.yaml", "node-attribute-two-values.yaml:7:33: roles.worker.node-attributes[1]: 'rm.yarn.io/java=11' conflicts with 'rm.yarn.io/java=1.8' (roles.worker.node-attributes[0]) in role 'worker': a node has one value of rm.yarn.io/java (allowed: one '=' value per attribute)" },
        { "node-attributes-mixed-with-label.yaml", "node-attributes-mixed-with-label.yaml:7:50: roles.worker.node-attributes[1]: role 'worker' mixes '=' and '!=' node attributes ('nm.yarn.io/gpu-model=A100' and 'rm.yarn.io/os!=centos7') with placement.node-label 'gpu': Hadoop then needs an AND of two placement constraints, and the CapacityScheduler reads the node partition only from a single top-level constraint, so the containers would never be placed in 'gpu' (allowed: one operator for all of a role's node attributes when node-label is set, e.g. only '=')" },
        { "ps-without-ps.yaml", "ps-without-ps.yaml:3:41: strategy 'ps' needs a 'ps' role" },
        { "sweep-value-with-backquote.yaml", "sweep-value-with-backquote.yaml:8:5: value '`date`' of sweep parameter 'tag' reaches tasks as YARNDL_HP_TAG and contains a backquote (`) at character 1, which YARN's launch script would alter (values are written as export NAME=\"VALUE\"; allowed: anything but \" ` \\ and line breaks; $VAR expands as in bash)" },
        { "syntax-error.yaml", "syntax-error.yaml:3:1: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'" },
        { "trainer-and-command.yaml", "trainer-and-command.yaml:3:1: exactly one of 'trainer' or 'command' is required" },
        { "two-chiefs.yaml", "two-chiefs.yaml:5:12: at most one chief is allowed, got instances: 2" },
        { "unknown-key.yaml", "unknown-key.yaml:7:5: unknown key 'gpu' in role 'worker' (allowed: instances, memory, vcores, gpus, env, image, restart, node-attributes)" },
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
