using YarnDL.AppMaster.Nm;
using YarnDL.AppMaster.Rm;

namespace YarnDL.AppMaster.Startup;

/// <summary>The transports the AM talks through: the RM scheduler and the NodeManagers (tokens are shared via the AMRM client).</summary>
internal sealed record RmBindings(IResourceManager ResourceManager, Func<AmRmClient, INodeManagers> NodeManagers);
