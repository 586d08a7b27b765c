using System.Xml.Linq;

namespace YarnDL.MiniCluster.Conf;

/// <summary>Writes yarn-site.xml, resource-types.xml and core-site.xml that point a client or AM at this cluster.</summary>
internal static class ConfDirWriter
{
    public static void Write(string dir, IReadOnlyDictionary<string, string> yarnSite, string defaultFs, IReadOnlyList<YarnDL.Hadoop.SaslQop>? rpcProtection = null)
    {
        Directory.CreateDirectory(dir);
        Save(Path.Combine(dir, "yarn-site.xml"), yarnSite);
        Save(Path.Combine(dir, "resource-types.xml"), new Dictionary<string, string> { ["yarn.resource-types"] = "yarn.io/gpu" });
        var core = new Dictionary<string, string>
        {
            ["fs.defaultFS"] = defaultFs,
            ["hadoop.security.authentication"] = "simple",
        };
        if (rpcProtection is { Count: > 0 })
        {
            core[YarnDL.Hadoop.RpcProtection.Key] = YarnDL.Hadoop.RpcProtection.Format(rpcProtection);
        }

        Save(Path.Combine(dir, "core-site.xml"), core);
    }

    private static void Save(string path, IReadOnlyDictionary<string, string> props)
    {
        var doc = new XDocument(new XElement("configuration",
            props.Select(p => new XElement("property", new XElement("name", p.Key), new XElement("value", p.Value)))));
        doc.Save(path);
    }
}
