namespace YarnDL.AppMaster.Rm;

/// <summary>The RM no longer knows this attempt: stop heartbeating and exit.</summary>
internal sealed class RmAttemptGoneException(string message) : YarnDLException(message)
{
    public const string HadoopClassName = "org.apache.hadoop.yarn.exceptions.ApplicationAttemptNotFoundException";
}
