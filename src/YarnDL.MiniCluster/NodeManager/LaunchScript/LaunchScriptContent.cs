namespace YarnDL.MiniCluster.NodeManager.LaunchScript;

/// <summary>What goes into a container's <c>launch_container.sh</c>, already ordered and expanded.</summary>
/// <param name="LogDir">The container's log dir (absolute): prelaunch.out/err, the script copy and directory.info go there.</param>
/// <param name="Whitelisted">Whitelisted variables the container did not set, with the NodeManager's own values.</param>
/// <param name="NodeManagerVars">Variables the NodeManager sets (CONTAINER_ID, PWD, …), in the order it set them.</param>
/// <param name="Environment">The remaining variables (the launch context's and the admin's), in the order written.</param>
/// <param name="Symlinks">Localized resources: absolute target in the file cache, link name relative to the work dir.</param>
/// <param name="Command">The launch context's commands joined by spaces, <c>&lt;LOG_DIR&gt;</c> expanded.</param>
internal sealed record LaunchScriptContent(
    string LogDir,
    IReadOnlyList<KeyValuePair<string, string>> Whitelisted,
    IReadOnlyList<KeyValuePair<string, string>> NodeManagerVars,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<KeyValuePair<string, string>> Symlinks,
    string Command);
