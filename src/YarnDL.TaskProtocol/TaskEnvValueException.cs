namespace YarnDL.TaskProtocol;

/// <summary>An environment variable marked <c>base64:</c> could not be decoded.</summary>
public sealed class TaskEnvValueException : YarnDLException
{
    public TaskEnvValueException(string variable, string reason)
        : base($"{variable} starts with '{TaskEnvValue.Base64Prefix}' but is not valid base64 of UTF-8 text ({reason}); it is written by the ApplicationMaster, so set it as plain JSON when running a task by hand")
    {
        Variable = variable;
    }

    public TaskEnvValueException()
    {
        Variable = string.Empty;
    }

    public TaskEnvValueException(string message, Exception innerException)
        : base(message, innerException)
    {
        Variable = string.Empty;
    }

    /// <summary>The variable's name.</summary>
    public string Variable { get; }
}
