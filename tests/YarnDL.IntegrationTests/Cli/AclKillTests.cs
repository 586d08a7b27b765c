using System.Net;
using YarnDL.IntegrationTests.MiniCluster;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>yarn.acl.enable with yarn.admin.acl=yarn: who may kill alice's application, seen through REST and the built yarndl.</summary>
public sealed class AclKillTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Only_the_owner_an_admin_or_the_modify_acl_may_kill_and_a_refusal_changes_nothing()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { AclEnabled = true, AdminAcl = "yarn" });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var withAcl = Submissions.Shell("sleep 300").Replace(
            "\"commands\":", "\"application-acls\": {\"entry\": [{\"key\": \"MODIFY_APP\", \"value\": \"carol,dave ops\"}]},\n    \"commands\":", StringComparison.Ordinal);
        var first = await http.SubmitAsync(withAcl);
        var second = await http.SubmitAsync(withAcl);
        await cluster.WaitForAmRunningAsync(first, Deadline);

        // Plain-text 403, as RMWebServices.killApp answers an AccessControlException.
        var (status, _, response) = await http.SendAsync(HttpMethod.Put, $"ws/v1/cluster/apps/{first}/state?user.name=bob", "{\"state\":\"KILLED\"}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal($"Unauthorized attempt to kill appid {first} by remote user bob", await response.Content.ReadAsStringAsync());

        var refused = await Yarndl.RunAsync(Deadline, "kill", first, "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "bob");
        Assert.True(refused.ExitCode == 2, refused.Stdout);
        Assert.Contains($"403 Forbidden: Unauthorized attempt to kill appid {first} by remote user bob (the RM refused this user", refused.Stdout, StringComparison.Ordinal);
        Assert.NotEqual("KILLED", cluster.Rm.Read(v => v.Apps.Single(a => a.Id == first).PublicState));
        Assert.Equal("RUNNING", cluster.Rm.Read(v => v.Apps.Single(a => a.Id == first).CurrentAttempt!.AmContainer!.State)); // its AM untouched

        var byAcl = await Yarndl.RunAsync(Deadline, "kill", first, "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "carol");
        var byAdmin = await Yarndl.RunAsync(Deadline, "kill", second, "--rm", cluster.RmRestUri.AbsoluteUri, "--user", "yarn");

        Assert.True(byAcl.ExitCode == 0, byAcl.Stdout);
        Assert.True(byAdmin.ExitCode == 0, byAdmin.Stdout);
        Assert.Equal(["KILLED", "KILLED"], cluster.Rm.Read(v => v.Apps.Select(a => a.PublicState).ToList()));
    }
}
