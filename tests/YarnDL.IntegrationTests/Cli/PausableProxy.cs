using System.Net;
using System.Net.Sockets;
using System.Text;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of one port. <see cref="GoDown"/> is a ResourceManager whose web port is down while it
/// restarts: open connections are cut and new ones are closed as soon as they are accepted, until <see cref="ComeBack"/>.
/// It counts the application reports it forwards (<see cref="AppReads"/>), so a test can await a client's next poll.
/// </summary>
internal sealed class PausableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private volatile bool _down;
    private TaskCompletionSource _refused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _appReads;

    public PausableProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Completes when a connection has been refused since the last <see cref="GoDown"/>.</summary>
    public Task Refused => _refused.Task;

    public void GoDown()
    {
        _refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _down = true;
        lock (_gate)
        {
            foreach (var c in _open)
            {
                c.Dispose();
            }

            _open.Clear();
        }
    }

    public void ComeBack() => _down = false;

    /// <summary>Requests for an application's report (<c>GET /ws/v1/cluster/apps/…</c>) forwarded so far.</summary>
    public int AppReads => Volatile.Read(ref _appReads);

    /// <summary>Completes once <see cref="AppReads"/> has reached <paramref name="count"/>.</summary>
    public async Task AppReadsReachAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = Volatile.Read(ref _read).Task;
            if (AppReads >= count)
            {
                return;
            }

            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{AppReads} application report requests within {timeout}, not {count}");
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_down)
            {
                client.Client.LingerState = new LingerOption(true, 0); // a reset, as from a closed port
                client.Dispose();
                _refused.TrySetResult();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        lock (_gate)
        {
            _open.Add(client);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(UpstreamAsync(a, b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // cut by GoDown or by either side: the client sees a dropped connection
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }

            client.Dispose();
        }
    }

    /// <summary>Copies what the client sends, counting the application report requests in it.</summary>
    private async Task UpstreamAsync(Stream from, Stream to, CancellationToken ct)
    {
        const string Marker = "GET /ws/v1/cluster/apps/";
        var buffer = new byte[16 * 1024];
        var carry = "";
        int n;
        while ((n = await from.ReadAsync(buffer, ct)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, n), ct);
            // A request line split across two reads is found in the tail of the first plus the second.
            var text = carry + Encoding.ASCII.GetString(buffer, 0, n);
            for (var at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at + Marker.Length, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _appReads);
                Interlocked.Exchange(ref _read, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }

            carry = text[Math.Max(0, text.Length - (Marker.Length - 1))..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        GoDown();
        _stop.Dispose();
    }
}
