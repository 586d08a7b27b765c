using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using YarnDL.Training.Distributed;

namespace YarnDL.Bench.AllReduce;

/// <summary>One rank of the all-reduce benchmark as a process of its own (<c>YarnDL.Bench allreduce-worker RANK</c>),
/// driven line by line over stdin/stdout: it prints <c>ready RINGPORT STREAMPORT</c>, reads the four ranks' ports,
/// joins the ring and the plain stream ring, then for each <c>ring</c> or <c>plain</c> line runs one all-reduce of its
/// 64 MiB buffer (or streams 64 MiB to the next rank while receiving as much from the previous) and answers
/// <c>done CPUSECONDS</c>; <c>quit</c> ends it.</summary>
internal static class RingWorker
{
    public const string Verb = "allreduce-worker";

    public static async Task<int> RunAsync(int rank, TextReader input, TextWriter output)
    {
        using var ringListener = AllReduceBenchmark.Listen();
        using var streamListener = AllReduceBenchmark.Listen();
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"ready {Port(ringListener)} {Port(streamListener)}"));
        await output.FlushAsync();
        var ports = (await input.ReadLineAsync() ?? throw new IOException("allreduce-worker: no peers line"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(p => int.Parse(p, inv)).ToArray();
        var world = ports.Length / 2;
        var peers = ports.Take(world).Select(p => (EndPoint)new IPEndPoint(IPAddress.Loopback, p)).ToArray();
        using var ring = await RingAllReduce.ConnectAsync(rank, peers, ringListener, TimeSpan.FromSeconds(30), CancellationToken.None);
        var accept = Task.Run(streamListener.Accept);
        using var next = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        next.Connect(new IPEndPoint(IPAddress.Loopback, ports[world + ((rank + 1) % world)]));
        using var previous = await accept;
        var buffer = Enumerable.Repeat((float)rank, AllReduceBenchmark.Floats).ToArray();
        using var self = Process.GetCurrentProcess();
        while (await input.ReadLineAsync() is { } command && command != "quit")
        {
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var check = string.Empty;
            if (command == "ring")
            {
                var before = buffer[^1];
                ring.AllReduceSum(buffer);
                check = string.Create(inv, $" {before} {buffer[^1]}");
            }
            else
            {
                PlainRingStreams.Run(next, previous, AllReduceBenchmark.Floats * 4L);
            }

            self.Refresh();
            await output.WriteLineAsync(string.Create(inv, $"done {(self.TotalProcessorTime - cpu0).TotalSeconds}{check}"));
            await output.FlushAsync();
        }

        return 0;
    }

    private static int Port(Socket listener) => ((IPEndPoint)listener.LocalEndPoint!).Port;
}
