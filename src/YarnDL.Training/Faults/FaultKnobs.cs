using System.Globalization;

namespace YarnDL.Training.Faults;

/// <summary>Test-only faults from YARNDL_TEST_FAULTS: <c>exit-after-steps=N,exit-code=C,hang-after-steps=N</c>.</summary>
internal sealed record FaultKnobs(long ExitAfterSteps = -1, int ExitCode = 1, long HangAfterSteps = -1)
{
    public static FaultKnobs None { get; } = new();

    public static FaultKnobs Parse(string? text)
    {
        var knobs = None;
        foreach (var part in (text ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var value = kv.Length == 2 ? long.Parse(kv[1], CultureInfo.InvariantCulture) : 0;
            knobs = kv[0] switch
            {
                "exit-after-steps" => knobs with { ExitAfterSteps = value },
                "exit-code" => knobs with { ExitCode = (int)value },
                "hang-after-steps" => knobs with { HangAfterSteps = value },
                _ => throw new FormatException($"unknown fault knob '{kv[0]}' (known: exit-after-steps, exit-code, hang-after-steps)"),
            };
        }

        return knobs;
    }
}
