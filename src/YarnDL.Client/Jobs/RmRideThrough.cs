using System.Globalization;
using YarnDL.Yarn.Rest.Configuration;
using YarnDL.Yarn.Rest.Errors;

namespace YarnDL.Client.Jobs;

/// <summary>
/// Keeps calling the RM through a restart or failover: an outage (no RM reachable, a 5xx, or, for an application already seen,
/// a 404 while the restarted RM recovers it) is retried every <see cref="RmConnectPolicy.RetryInterval"/> for up to
/// <see cref="RmConnectPolicy.MaxWait"/>, each try told to <paramref name="say"/>; after that the outage is the caller's.
/// </summary>
public sealed class RmRideThrough(RmConnectPolicy policy, TimeProvider time, Func<string, Task> say)
{
    private DateTimeOffset? _since;

    /// <summary>True while the RM has not answered since the first failed call.</summary>
    public bool InOutage => _since is not null;

    /// <param name="seen">The caller has already had an answer about this application: a 404 is the RM recovering, not a typo.</param>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, bool seen, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var result = await call(ct).ConfigureAwait(false);
                if (_since is { } s)
                {
                    _since = null;
                    await say($"RM reachable again after {Seconds(time.GetUtcNow() - s)}").ConfigureAwait(false);
                }

                return result;
            }
            catch (Exception e) when (IsOutage(e, seen))
            {
                var now = time.GetUtcNow();
                _since ??= now;
                var waited = now - _since.Value;
                if (policy.MaxWait is { } max && waited >= max)
                {
                    throw new RmUnavailableException(
                        e is RmUnavailableException u ? u.EndpointsTried : [],
                        $"gave up after {Seconds(waited)} ({RmConnectPolicy.MaxWaitProperty} = {(long)max.TotalMilliseconds}): {Reason(e)}",
                        e);
                }

                var limit = policy.MaxWait is { } m ? "of " + Seconds(m) : "(no limit)";
                await say($"RM unreachable, retrying ({Reason(e)}; {Seconds(waited)} {limit}, next try in {Seconds(policy.RetryInterval)})").ConfigureAwait(false);
                await Task.Delay(policy.RetryInterval, time, ct).ConfigureAwait(false);
            }
        }
    }

    private static bool IsOutage(Exception e, bool seen) =>
        e is RmUnavailableException or HttpRequestException or IOException or System.Net.Sockets.SocketException
        || (e is YarnRestException r && ((int)r.StatusCode >= 500 || (seen && r.IsNotFound)));

    private static string Reason(Exception e) => e switch
    {
        RmUnavailableException u when u.EndpointsTried.Count > 0 => $"{string.Join(", ", u.EndpointsTried.Select(x => x.Authority))} not answering",
        YarnRestException { IsNotFound: true } => "the RM does not know the application yet: recovering",
        YarnRestException r => $"HTTP {(int)r.StatusCode}",
        HttpRequestException or IOException or System.Net.Sockets.SocketException => $"connection dropped: {e.Message}",
        _ => "no ResourceManager answered",
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s";
}
