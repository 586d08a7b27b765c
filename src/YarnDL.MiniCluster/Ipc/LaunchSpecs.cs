using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.MiniCluster.NodeManager;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>ContainerLaunchContextProto → the launcher's <see cref="LaunchSpec"/>.</summary>
internal static class LaunchSpecs
{
    public static LaunchSpec From(ContainerLaunchContextProto? clc)
    {
        clc ??= new ContainerLaunchContextProto();
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in clc.Environment) env[kv.Key] = kv.Value;
        var resources = clc.LocalResources.Select(r => new LocalResourceSpec(
            r.Key, Url(r.Value?.Resource), r.Value?.Type == LocalResourceTypeProto.Archive ? "ARCHIVE" : "FILE",
            r.Value?.Size ?? 0, r.Value?.Timestamp ?? 0)).ToList();
        var tokens = new List<TokenEntry>();
        var secrets = new List<KeyValuePair<string, byte[]>>();
        if (clc.HasTokens && clc.Tokens.Length > 0)
        {
            var credentials = TokenStorage.Read(clc.Tokens.ToByteArray());
            tokens.AddRange(credentials.Tokens.Select(t => new TokenEntry(t.Key, t.Value.Identifier, t.Value.Password, t.Value.Kind, t.Value.Service)));
            secrets.AddRange(credentials.Secrets);
        }

        return new LaunchSpec([.. clc.Command], env, resources, tokens, secrets);
    }

    /// <summary>URLProto → "scheme://host:port/file" (or the bare file for local paths).</summary>
    private static string Url(URLProto? url)
    {
        if (url is null) return "";
        if (!url.HasScheme || url.Scheme.Length == 0 || url.Scheme == "file") return "file://" + url.File;
        var authority = url.HasHost && url.Host.Length > 0 ? url.Host + (url.HasPort && url.Port > 0 ? ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") : "";
        return $"{url.Scheme}://{authority}{url.File}";
    }
}
