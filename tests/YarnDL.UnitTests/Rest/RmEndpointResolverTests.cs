using System.Xml.Linq;
using YarnDL.Yarn.Rest.Configuration;

namespace YarnDL.UnitTests.Rest;

public sealed class RmEndpointResolverTests
{
    [Fact]
    public void Rm_option_wins_and_accepts_bare_host_port() =>
        Assert.Equal(["http://a:8088/", "https://b:8090/"],
            RmEndpointResolver.Resolve("a:8088, https://b:8090", _ => "/nonexistent").Select(u => u.AbsoluteUri));

    [Fact]
    public void Ha_yarn_site_gives_one_endpoint_per_rm_id_with_https_policy()
    {
        var site = XDocument.Parse("""
            <configuration>
              <property><name>yarn.resourcemanager.ha.enabled</name><value>true</value></property>
              <property><name>yarn.resourcemanager.ha.rm-ids</name><value>rm1,rm2</value></property>
              <property><name>yarn.resourcemanager.hostname.rm1</name><value>master1</value></property>
              <property><name>yarn.resourcemanager.webapp.https.address.rm2</name><value>master2:9443</value></property>
              <property><name>yarn.http.policy</name><value>HTTPS_ONLY</value></property>
            </configuration>
            """);

        Assert.Equal(["https://master1:8090/", "https://master2:9443/"], RmEndpointResolver.FromYarnSite(site).Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Without_option_or_config_the_local_rm_is_used() =>
        Assert.Equal("http://localhost:8088/", Assert.Single(RmEndpointResolver.Resolve(null, _ => null)).AbsoluteUri);
}
