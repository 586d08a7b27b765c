using System.Net;
using System.Net.Sockets;

namespace YarnDL.IntegrationTests.Cli;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of one port. <see cref="GoDown"/> is a ResourceManager whose web port is down while it
/// restarts: open connections are cut and new ones are closed as soon as they are accepted, until <see cref="ComeBack"/>.
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
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
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

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        GoDown();
        _stop.Dispose();
    }
}
