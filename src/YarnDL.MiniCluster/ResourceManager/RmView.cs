using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>A consistent read of the RM state, valid only inside <see cref="RmCore.Read{T}"/>.</summary>
internal sealed record RmView(IReadOnlyList<AppRecord> Apps, IReadOnlyList<NodeRecord> Nodes, RmCore Rm);
