using System.Net;
using YarnDL.MiniCluster;
using YarnDL.Testing.MiniCluster;

namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>Pseudo auth and the standby RM's behaviour.</summary>
public sealed class AuthAndHaTests
{
    [Fact]
    public async Task Anonymous_refused_is_403_with_pseudo_auth_challenge()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { AnonymousAllowed = false });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var (status, _, resp) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("PseudoAuth", resp.Headers.WwwAuthenticate.ToString());
        var (ok, _, _) = await http.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps?user.name=bob");
        Assert.Equal(HttpStatusCode.OK, ok);
    }

    [Fact]
    public async Task Anonymous_write_with_the_default_static_filter_runs_as_dr_who()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions());
        using var http = RmHttp.Create(cluster.RmRestUri);
        var (_, created, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application");
        var id = created!["application-id"]!.GetValue<string>();
        var (status, _, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps", Submissions.Shell("sleep 30").Replace("$ID", id, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, status);
        var (_, app, _) = await http.SendAsync(HttpMethod.Get, $"ws/v1/cluster/apps/{id}");
        Assert.Equal("dr.who", app!["app"]!["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_write_without_static_user_is_401_authorization_exception()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { StaticUser = null });
        using var http = RmHttp.Create(cluster.RmRestUri);
        var (status, body, _) = await http.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unable to obtain user name, user not authenticated", body!["RemoteException"]!["message"]!.GetValue<string>());
        Assert.Equal("AuthorizationException", body["RemoteException"]!["exception"]!.GetValue<string>());
    }

    [Fact]
    public async Task Standby_answers_info_itself_redirects_the_rest_and_failover_swaps_roles()
    {
        await using var cluster = await MiniYarnCluster.StartAsync(new MiniClusterOptions { HighAvailability = true });
        var (rm1, rm2) = (cluster.RmRestUris[0], cluster.RmRestUris[1]);
        using var standby = RmHttp.Create(rm2);

        var (_, info, _) = await standby.SendAsync(HttpMethod.Get, "ws/v1/cluster/info");
        Assert.Equal("STANDBY", info!["clusterInfo"]!["haState"]!.GetValue<string>());
        var (status, _, resp) = await standby.SendAsync(HttpMethod.Get, "ws/v1/cluster/apps?user.name=alice");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, status);
        Assert.Equal(new Uri(rm1, "ws/v1/cluster/apps?user.name=alice"), resp.Headers.Location);
        var (notActive, _, _) = await standby.SendAsync(HttpMethod.Get, "isActive");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, notActive);

        using var http1 = RmHttp.Create(rm1);
        var (failover, _, _) = await http1.SendAsync(HttpMethod.Post, "ws/v1/minicluster/faults/rm-failover");
        Assert.Equal(HttpStatusCode.OK, failover);
        var (_, info2, _) = await standby.SendAsync(HttpMethod.Get, "ws/v1/cluster/info");
        Assert.Equal("ACTIVE", info2!["clusterInfo"]!["haState"]!.GetValue<string>());
        Assert.Equal(rm2, cluster.RmRestUri);
        var (redirect, _, _) = await http1.SendAsync(HttpMethod.Post, "ws/v1/cluster/apps/new-application?user.name=alice");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect);
    }
}
