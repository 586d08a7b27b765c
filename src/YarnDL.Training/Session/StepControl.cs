using YarnDL.TaskProtocol;

namespace YarnDL.Training.Session;

/// <summary>The floats that follow the gradient in the buffer the ranks sum each step, in this order: the rank's loss
/// (summed over its examples), its checkpoint request and its stop request (1 or 0 each; a stop asks for a checkpoint
/// too). Summed over ranks they carry the global loss and any rank's request, so every rank acts on a command at the
/// same step.</summary>
internal readonly record struct StepControl(float Loss, bool Checkpoint, bool Stop)
{
    /// <summary>How many floats follow the gradient.</summary>
    public const int Slots = 3;

    /// <summary>This rank's contribution for a step that computed <paramref name="loss"/> while
    /// <paramref name="command"/> was pending.</summary>
    public static StepControl Local(float loss, TaskCommand command) =>
        new(loss, command is TaskCommand.Checkpoint or TaskCommand.Stop, command is TaskCommand.Stop);

    /// <summary>Reads the slots after the ranks summed them: any rank's request counts.</summary>
    public static StepControl ReadSummed(ReadOnlySpan<float> slots) => new(slots[0], slots[1] > 0, slots[2] > 0);

    /// <summary>Writes this rank's contribution into the slots after the gradient.</summary>
    public void WriteTo(Span<float> slots)
    {
        slots[0] = Loss;
        slots[1] = Checkpoint ? 1 : 0;
        slots[2] = Stop ? 1 : 0;
    }
}
