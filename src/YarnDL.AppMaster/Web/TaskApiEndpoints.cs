using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using YarnDL.AppMaster.Clusters;
using YarnDL.AppMaster.Job;
using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Web;

/// <summary>The server half of <see cref="TaskApi"/>: register (long-poll barrier), heartbeat, result.</summary>
internal static class TaskApiEndpoints
{
    public static void Map(WebApplication app, AmState state, SecretCheck secret, TimeProvider time, TimeSpan longPoll)
    {
        app.MapPost("/" + TaskApi.Register, async ctx =>
        {
            var req = await ReadAsync(ctx, secret, TaskJson.Default.RegisterRequest);
            if (req is null)
            {
                return;
            }

            if (!state.ById.TryGetValue(req.Task.ClusterId, out var session))
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var outcome = session.Register(req.Task, req.Host, req.Port, time.GetUtcNow());
            if (outcome is RegistrationOutcome.Pending)
            {
                try
                {
                    await session.WhenRegistered().WaitAsync(longPoll, time, ctx.RequestAborted);
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException)
                {
                    // Answer 202 (or 409 after a restart); the task posts again.
                }

                outcome = session.Poll(req.Task);
            }

            await WriteAsync(ctx, outcome);
        });

        app.MapPost("/" + TaskApi.Heartbeat, async ctx =>
        {
            var hb = await ReadAsync(ctx, secret, TaskJson.Default.HeartbeatRequest);
            if (hb is null)
            {
                return;
            }

            var cmd = state.ById.TryGetValue(hb.Task.ClusterId, out var s) ? s.Heartbeat(hb, time.GetUtcNow()) : TaskCommand.Stop;
            await ctx.Response.WriteAsJsonAsync(new HeartbeatResponse(cmd), TaskJson.Default.HeartbeatResponse);
        });

        app.MapPost("/" + TaskApi.Result, async ctx =>
        {
            var result = await ReadAsync(ctx, secret, TaskJson.Default.ResultRequest);
            if (result is null)
            {
                return;
            }

            if (state.ById.TryGetValue(result.Task.ClusterId, out var s))
            {
                s.Result(result);
            }

            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
        });
    }

    private static async Task WriteAsync(HttpContext ctx, RegistrationOutcome outcome)
    {
        switch (outcome)
        {
            case RegistrationOutcome.Complete c:
                await ctx.Response.WriteAsJsonAsync(c.Spec, TaskJson.Default.ClusterSpecResponse);
                break;
            case RegistrationOutcome.Pending p:
                ctx.Response.StatusCode = StatusCodes.Status202Accepted;
                await ctx.Response.WriteAsJsonAsync(new PendingResponse(p.Registered, p.Expected), TaskJson.Default.PendingResponse);
                break;
            case RegistrationOutcome.Stale:
                ctx.Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpContext ctx, SecretCheck secret, JsonTypeInfo<T> type)
        where T : class
    {
        if (!secret.Matches(ctx.Request.Headers[TaskApi.SecretHeader].FirstOrDefault()))
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(ctx.Request.Body, type, ctx.RequestAborted);
            if (value is null)
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return value;
        }
        catch (JsonException)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
    }
}
