using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Startup;

namespace YarnDL.UnitTests.AppMaster;

public sealed class StartupTests
{
    [Theory]
    [InlineData("container_1700000000000_0001_01_000001", "appattempt_1700000000000_0001_000001")]
    [InlineData("container_e17_1700000000000_0001_01_000005", "appattempt_1700000000000_0001_000001")]
    [InlineData("container_e17_1700000000000_12345_02_000005", "appattempt_1700000000000_12345_000002")]
    public void AttemptId_ComesFromTheContainerId(string container, string attempt)
    {
        var id = AttemptIdentity.FromContainerId(container);
        Assert.Equal(attempt, id.AttemptId);
        Assert.StartsWith("application_1700000000000_", id.ApplicationId, StringComparison.Ordinal);
    }

    [Fact]
    public void AttemptId_RejectsGarbage() =>
        Assert.Throws<FormatException>(() => AttemptIdentity.FromContainerId("application_1_1"));

    [Fact]
    public void YarnSite_DefaultSchedulerAddress_ExpandsTheHostname()
    {
        var site = YarnSite.Parse("""
            <configuration>
              <property><name>yarn.resourcemanager.hostname</name><value>rm.example.com</value></property>
            </configuration>
            """);
        Assert.Equal(["rm.example.com:8030"], site.SchedulerAddresses());
    }

    [Fact]
    public void YarnSite_Ha_ListsOneAddressPerRmId()
    {
        var site = YarnSite.Parse("""
            <configuration>
              <property><name>yarn.resourcemanager.ha.enabled</name><value>true</value></property>
              <property><name>yarn.resourcemanager.ha.rm-ids</name><value>rm1, rm2</value></property>
              <property><name>yarn.resourcemanager.hostname.rm1</name><value>a.example.com</value></property>
              <property><name>yarn.resourcemanager.hostname.rm2</name><value>b.example.com</value></property>
              <property><name>yarn.resourcemanager.scheduler.address.rm2</name><value>${yarn.resourcemanager.hostname.rm2}:9030</value></property>
            </configuration>
            """);
        Assert.Equal(["a.example.com:8030", "b.example.com:9030"], site.SchedulerAddresses());
    }

    [Fact]
    public void Environment_ReportsEveryMissingValueTogether()
    {
        var e = Assert.Throws<StartupException>(() => AmEnvironment.Read(_ => null));
        Assert.Equal(3, e.Problems.Count);
    }

    [Fact]
    public void Environment_ReadsTheNmAndClientContract()
    {
        var vars = new Dictionary<string, string>
        {
            ["CONTAINER_ID"] = "container_1700000000000_0001_02_000001",
            ["NM_HOST"] = "nm1",
            ["HADOOP_TOKEN_FILE_LOCATION"] = "/c/container_tokens",
            ["YARNDL_TASK_RUNTIME"] = "image",
            ["YARNDL_SUBMIT_USER"] = "alice",
        };
        var env = AmEnvironment.Read(vars.GetValueOrDefault, "p.json");
        Assert.Equal(2, env.Attempt.AttemptNumber);
        Assert.Equal(TaskRuntime.Image, env.Runtime);
        Assert.Equal("alice", env.User);
        Assert.Equal("p.json", env.PlanFile);
    }
}
