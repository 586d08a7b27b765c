using Microsoft.AspNetCore.Http;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Rest;

/// <summary>Pseudo auth, the standby redirect and RemoteException rendering, in Hadoop's filter order.</summary>
internal static class RestMiddleware
{
    public const string UserItem = "yarndl.user";

    public static async Task InvokeAsync(HttpContext ctx, Func<Task> next, MiniClusterOptions options, RmFront front)
    {
        var user = ctx.Request.Query["user.name"].ToString();
        if (string.IsNullOrEmpty(user))
        {
            if (!options.AnonymousAllowed)
            {
                ctx.Response.StatusCode = 403;
                ctx.Response.Headers.WWWAuthenticate = "PseudoAuth";
                await ctx.Response.WriteAsync("Authentication required", ctx.RequestAborted).ConfigureAwait(false);
                return;
            }
        }
        else
        {
            ctx.Items[UserItem] = user;
        }

        var path = ctx.Request.Path.Value ?? "";
        if (!front.IsActive && path != "/ws/v1/cluster/info" && path != "/isActive" && !path.StartsWith("/ws/v1/minicluster/", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 307;
            ctx.Response.Headers.Location = front.ActiveBaseUri.TrimEnd('/') + path + ctx.Request.QueryString;
            await ctx.Response.WriteAsync("This is standby RM. The redirect url is: " + ctx.Response.Headers.Location, ctx.RequestAborted).ConfigureAwait(false);
            return;
        }

        try
        {
            await next().ConfigureAwait(false);
        }
        catch (RmRequestException ex)
        {
            await RemoteError.WriteAsync(ctx, ex).ConfigureAwait(false);
        }
    }

    /// <summary>The caller for a write: user.name, else the static user, else 401.</summary>
    public static string WriteUser(HttpContext ctx, MiniClusterOptions options) =>
        ctx.Items[UserItem] as string ?? options.StaticUser ?? throw RmRequestException.Unauthenticated();

    public static string? ReadUser(HttpContext ctx) => ctx.Items[UserItem] as string;
}
