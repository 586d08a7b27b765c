namespace YarnDL.Hadoop.Yarn;

/// <summary>YARN protocol names and versions used in the connection context and request headers.</summary>
public static class YarnProtocols
{
    public const string ApplicationMaster = "org.apache.hadoop.yarn.api.ApplicationMasterProtocolPB";
    public const string ContainerManagement = "org.apache.hadoop.yarn.api.ContainerManagementProtocolPB";
    public const ulong Version = 1;
}
