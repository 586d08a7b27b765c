using YarnDL.AppMaster.Startup;
using YarnDL.Hadoop;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>The AM reads <c>hadoop.rpc.protection</c> from HADOOP_CONF_DIR as Hadoop's YarnConfiguration does.</summary>
public sealed class RpcProtectionConfTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("yarndl-qop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Core_site_value_is_used_and_yarn_site_overrides_it()
    {
        File.WriteAllText(Path.Combine(_dir, "core-site.xml"), Conf("privacy, integrity"));
        Assert.Equal([SaslQop.Privacy, SaslQop.Integrity], HadoopBindings.ReadRpcProtection(Env(), YarnSite.Parse("<configuration/>")));
        Assert.Equal([SaslQop.Integrity], HadoopBindings.ReadRpcProtection(Env(), YarnSite.Parse(Conf("integrity"))));
    }

    [Fact]
    public void Unset_means_authentication()
    {
        Assert.Equal([SaslQop.Authentication], HadoopBindings.ReadRpcProtection(Env(), YarnSite.Parse("<configuration/>")));
    }

    [Fact]
    public void A_wrong_value_names_the_file_the_property_and_the_choices()
    {
        File.WriteAllText(Path.Combine(_dir, "core-site.xml"), Conf("confidential"));
        var ex = Assert.Throws<StartupException>(() => HadoopBindings.ReadRpcProtection(Env(), YarnSite.Parse("<configuration/>")));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains(Path.Combine(_dir, "core-site.xml"), problem, StringComparison.Ordinal);
        Assert.Contains("hadoop.rpc.protection", problem, StringComparison.Ordinal);
        Assert.Contains("authentication, integrity, privacy", problem, StringComparison.Ordinal);
    }

    private static string Conf(string value) =>
        $"<configuration><property><name>hadoop.rpc.protection</name><value>{value}</value></property></configuration>";

    private AmEnvironment Env() => new()
    {
        ContainerId = "container_1_0001_01_000001",
        Attempt = AttemptIdentity.FromContainerId("container_1_0001_01_000001"),
        NmHost = "127.0.0.1",
        TokenFile = "unused",
        PlanFile = "unused",
        HadoopConfDir = _dir,
    };
}
