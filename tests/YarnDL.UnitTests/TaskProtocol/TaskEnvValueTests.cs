using System.Diagnostics;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.TaskProtocol;

/// <summary>A launch-context variable goes through the NodeManager's <c>launch_container.sh</c> as
/// <c>export KEY="VALUE"</c> with VALUE verbatim (the line shape a Hadoop 3.4.1 NodeManager wrote for our trainer);
/// these tests run that line through bash and read back what a task would see.</summary>
public sealed class TaskEnvValueTests
{
    private const string Json = """{"model":"mlp","note":"a $HOME `id` \\ \" quote","utf8":"é"}""";

    [Fact]
    public async Task Plain_json_is_mangled_by_the_launch_script()
    {
        var seen = await ThroughLaunchScriptAsync(Json);

        Assert.NotEqual(Json, seen);
    }

    [Fact]
    public async Task Encoded_json_survives_the_launch_script()
    {
        var seen = await ThroughLaunchScriptAsync(TaskEnvValue.Encode(Json));

        Assert.Equal(Json, TaskEnvValue.Decode("YARNDL_TRAINER", seen));
    }

    [Fact]
    public void Decode_takes_an_unencoded_value_as_it_is()
    {
        Assert.Equal("""{"epochs":3}""", TaskEnvValue.Decode("YARNDL_TRAINER", """{"epochs":3}"""));
        Assert.Null(TaskEnvValue.Decode("YARNDL_TRAINER", null));
    }

    [Fact]
    public void Decode_names_the_variable_when_the_base64_is_broken()
    {
        var e = Assert.Throws<TaskEnvValueException>(() => TaskEnvValue.Decode("YARNDL_HPARAMS", "base64:%%%"));

        Assert.Equal("YARNDL_HPARAMS", e.Variable);
        Assert.Contains("YARNDL_HPARAMS", e.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ThroughLaunchScriptAsync(string value)
    {
        var script = Path.Combine(Path.GetTempPath(), $"launch-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, $"#!/bin/bash\nset -o pipefail -e\nexport YARNDL_TRAINER=\"{value}\"\nexec /bin/bash -c \"printf '%s' \\\"\\$YARNDL_TRAINER\\\"\"\n");
        try
        {
            var psi = new ProcessStartInfo("/bin/bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var stdout = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return stdout;
        }
        finally
        {
            File.Delete(script);
        }
    }
}
