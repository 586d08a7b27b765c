using System.Text.Json.Nodes;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.Rest;

/// <summary>Who may modify (kill) an application, as ApplicationACLsManager decides it; groups are not resolved (no group mapping here).</summary>
internal static class AppAcls
{
    public const string ModifyApp = "MODIFY_APP";

    public static bool MayModify(AppRecord app, string user, MiniClusterOptions options) =>
        !options.AclEnabled || user == app.User || Allows(options.AdminAcl, user) || Allows(AclOf(app.AmContainerSpec, ModifyApp), user);

    /// <summary>An ACL string "user1,user2 group1,group2": "*" is everyone; the users part is before the first space
    /// (so " ops" names a group only).</summary>
    internal static bool Allows(string? acl, string user)
    {
        if (acl is null)
        {
            return false;
        }

        if (acl.Trim() == "*")
        {
            return true;
        }

        var users = acl.Split(' ', 2)[0];
        return users.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(user, StringComparer.Ordinal);
    }

    private static string? AclOf(JsonObject spec, string type) =>
        (spec["application-acls"]?["entry"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(e => e["key"]?.GetValue<string>() == type)?["value"]?.GetValue<string>();
}
