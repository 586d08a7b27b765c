namespace YarnDL.AppMaster.Rm;

/// <summary>The RM does not know this attempt as registered (RM restart or failover): re-register and resend everything.</summary>
internal sealed class RmNotRegisteredException(string message) : Exception(message)
{
    public const string HadoopClassName = "org.apache.hadoop.yarn.exceptions.ApplicationMasterNotRegisteredException";
}
