namespace YarnDL.MiniCluster.Model;

/// <summary>A node attribute as the RM holds it: identified by prefix + name; type is always STRING (the only NodeAttributeType).</summary>
internal sealed record NodeAttribute(string Prefix, string Name, string Value)
{
    /// <summary>NodeAttribute.PREFIX_CENTRALIZED: set through the RM (<c>yarn nodeattributes</c>).</summary>
    public const string CentralizedPrefix = "rm.yarn.io";

    /// <summary>NodeAttribute.PREFIX_DISTRIBUTED: reported by a NodeManager's provider.</summary>
    public const string DistributedPrefix = "nm.yarn.io";

    public const string Type = "STRING";
}
