namespace YarnDL.MiniCluster.Rest;

/// <summary>One RM web endpoint (rm1 or rm2) and how it learns which RM is active.</summary>
internal sealed class RmFront(string rmId, Func<string, bool> isActive, Func<string> activeBaseUri)
{
    public string RmId { get; } = rmId;

    public string BaseUri { get; set; } = "";

    public bool IsActive => isActive(RmId);

    public string ActiveBaseUri => activeBaseUri();
}
