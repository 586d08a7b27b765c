namespace YarnDL.Training.Config;

/// <summary>Invalid trainer settings (bad JSON, unknown value, out-of-range number).</summary>
public sealed class TrainerConfigException : YarnDLException
{
    public TrainerConfigException(string message)
        : base(message)
    {
    }

    public TrainerConfigException()
    {
    }

    public TrainerConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
