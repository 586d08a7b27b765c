namespace YarnDL.AppMaster.Rm;

/// <summary>The RM does not know this attempt as registered (RM restart or failover): re-register and resend everything.</summary>
internal sealed class RmNotRegisteredException(string message) : YarnDLException(message)
{
    public const string HadoopClassName = "org.apache.hadoop.yarn.exceptions.ApplicationMasterNotRegisteredException";

    /// <summary>Transient: the AM re-registers and the next call goes through.</summary>
    public override bool IsTransient => true;
}
