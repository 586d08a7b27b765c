namespace YarnDL.TaskProtocol;

/// <summary>Trainer settings that cannot be used: <see cref="Key"/> names the offending key when there is one.</summary>
public sealed class TrainerSettingsException : YarnDLException
{
    public TrainerSettingsException(string source, string? key, string problem)
        : base($"{source}: {problem}")
    {
        Source = source;
        Key = key;
    }

    public TrainerSettingsException()
    {
    }

    public TrainerSettingsException(string message)
        : base(message)
    {
    }

    public TrainerSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the settings came from: an env variable's name, or <c>--flags</c>.</summary>
    public new string? Source { get; }

    /// <summary>The key at fault; null when the whole value is unusable.</summary>
    public string? Key { get; }
}
