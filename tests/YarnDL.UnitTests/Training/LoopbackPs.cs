using System.Net;
using System.Net.Sockets;
using YarnDL.Training.Distributed.ParameterServer;

namespace YarnDL.UnitTests.Training;

/// <summary>An in-process parameter-server cluster on 127.0.0.1: <c>ps</c> servers (each serving on its own thread)
/// and one connected client per worker rank.</summary>
internal sealed class LoopbackPs : IDisposable
{
    private readonly Socket[] listeners;

    private LoopbackPs(Socket[] listeners, Task<ParameterServerNode>[] nodes, Task[] serving, ParameterServerClient[] clients)
    {
        this.listeners = listeners;
        Nodes = nodes;
        Serving = serving;
        Clients = clients;
    }

    public Task<ParameterServerNode>[] Nodes { get; }

    /// <summary>Completes when each ps has served all workers to the end.</summary>
    public Task[] Serving { get; }

    public ParameterServerClient[] Clients { get; }

    public static async Task<LoopbackPs> CreateAsync(int workers, int ps, PsMode mode)
    {
        var listeners = Enumerable.Range(0, ps).Select(_ =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            s.Listen(8);
            return s;
        }).ToArray();
        var nodes = listeners.Select(l => ParameterServerNode.AcceptAsync(l, workers, TimeSpan.FromSeconds(30), CancellationToken.None)).ToArray();
        var endpoints = listeners.Select(l => l.LocalEndPoint!).ToArray();
        var clients = await Task.WhenAll(Enumerable.Range(0, workers).Select(r =>
            ParameterServerClient.ConnectAsync(r, workers, mode, endpoints, TimeSpan.FromSeconds(30), CancellationToken.None)));
        var serving = nodes.Select(n => n.ContinueWith(t => t.Result.Serve(), CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        return new LoopbackPs(listeners, nodes, serving, clients);
    }

    public void Dispose()
    {
        foreach (var c in Clients)
        {
            c.Dispose();
        }

        Task.WaitAll(Serving, TimeSpan.FromSeconds(30));
        foreach (var n in Nodes)
        {
            n.Result.Dispose();
        }

        foreach (var l in listeners)
        {
            l.Dispose();
        }
    }
}
