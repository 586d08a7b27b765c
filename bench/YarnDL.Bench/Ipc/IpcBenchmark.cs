using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Ipc.Client;
using YarnDL.Hadoop.Ipc.Server;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;

namespace YarnDL.Bench.Ipc;

/// <summary>Pipelined allocate-sized Hadoop IPC calls (SASL TOKEN auth) against raw TCP echo of the same bytes at the
/// same concurrency. Both stay connected and take turns (<see cref="Rounds"/> rounds each after a warm-up, best
/// round counts), so a neighbour's load on the shared machine hits both alike; process CPU and bytes allocated per
/// call are printed too.
/// Client and server of each side run in this one process.</summary>
internal sealed class IpcBenchmark : IBenchmark
{
    private const int Concurrency = 32;
    private const int Rounds = 4;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(1.5);

    public string Name => "ipc";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var request = AllocateMessages.Request();
        var response = AllocateMessages.Response();
        var only = args.Count >= 2 && args[0] == "--only" ? args[1] : null;

        await using var ipc = await IpcSide.StartAsync(request, response);
        var (requestBytes, responseBytes) = FrameSizes(request, response);
        await using var echo = new RawEcho();
        var endPoint = echo.Start(responseBytes - 4);
        await using var raw = new RawEchoClient();
        await raw.ConnectAsync(endPoint, responseBytes - 4, cancellationToken);
        var frame = new byte[requestBytes];
        BinaryPrimitives.WriteInt32BigEndian(frame, requestBytes - 4);

        Func<CancellationToken, Task> ipcCall = c => ipc.Client.AllocateAsync(request, c);
        Func<CancellationToken, Task> rawCall = c => raw.CallAsync(frame, c);
        var ipcBest = new Best();
        var rawBest = new Best();
        for (var round = 0; round <= Rounds; round++)
        {
            var length = round == 0 ? Warmup : Round;
            if (only != "raw")
            {
                ipcBest.Add(await DriveAsync(ipcCall, length, cancellationToken), round > 0);
            }

            if (only != "ipc")
            {
                rawBest.Add(await DriveAsync(rawCall, length, cancellationToken), round > 0);
            }
        }

        output.WriteLine($"concurrency={Concurrency}");
        output.WriteLine($"request_frame_bytes={requestBytes}");
        output.WriteLine($"response_frame_bytes={responseBytes}");
        output.WriteLine(Invariant($"ipc_cpu_us_per_call={ipcBest.CpuPerCall * 1e6:F1}"));
        output.WriteLine(Invariant($"raw_echo_cpu_us_per_call={rawBest.CpuPerCall * 1e6:F1}"));
        output.WriteLine(Invariant($"ipc_alloc_bytes_per_call={ipcBest.BytesPerCall:F0}"));
        output.WriteLine(Invariant($"raw_echo_alloc_bytes_per_call={rawBest.BytesPerCall:F0}"));
        output.WriteLine(Invariant($"ipc_vs_raw_per_cpu_second={rawBest.CpuPerCall / ipcBest.CpuPerCall:F3}"));
        output.WriteLine(Invariant($"ipc_calls_per_s={ipcBest.PerSecond:F0}"));
        output.WriteLine(Invariant($"raw_echo_per_s={rawBest.PerSecond:F0}"));
        output.WriteLine(Invariant($"ipc_vs_raw={ipcBest.PerSecond / rawBest.PerSecond:F3}"));
        return 0;
    }

    /// <summary>Exact frame sizes of an allocate call and its answer (callIds past 16383 take 3 varint bytes, as
    /// nearly all measured calls do).</summary>
    private static (int Request, int Response) FrameSizes(AllocateRequestProto request, AllocateResponseProto response)
    {
        const int callId = 100_000;
        var clientId = new byte[16];
        var requestHeader = new RequestHeaderProto { MethodName = "allocate", DeclaringClassProtocolName = YarnProtocols.ApplicationMaster, ClientProtocolVersion = 1 };
        var requestFrame = RpcFrame.Build(ClientConnection.NewHeader(callId, clientId, retryCount: 0), requestHeader, request);
        var responseFrame = ServerResponses.Success(callId, Google.Protobuf.ByteString.CopyFrom(clientId), 0, response);
        return (requestFrame.Length, responseFrame.Length);
    }

    /// <summary>Runs <see cref="Concurrency"/> callers in a closed loop for <paramref name="length"/>.</summary>
    private static async Task<Sample> DriveAsync(Func<CancellationToken, Task> call, TimeSpan length, CancellationToken ct)
    {
        long completed = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var allocated0 = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await call(CancellationToken.None);
                Interlocked.Increment(ref completed);
            }
        }, CancellationToken.None)).ToArray();

        await Task.Delay(length, ct);
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var calls = Interlocked.Read(ref completed);
        return new Sample(calls / seconds, (self.TotalProcessorTime - cpu0).TotalSeconds / calls, (GC.GetTotalAllocatedBytes() - allocated0) / (double)calls);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Sample(double PerSecond, double CpuPerCall, double BytesPerCall);

    /// <summary>Best throughput and least CPU per call seen over the counted rounds.</summary>
    private sealed class Best
    {
        public double PerSecond { get; private set; }

        public double CpuPerCall { get; private set; } = double.MaxValue;

        public double BytesPerCall { get; private set; } = double.MaxValue;

        public void Add(Sample s, bool counts)
        {
            if (counts)
            {
                PerSecond = Math.Max(PerSecond, s.PerSecond);
                CpuPerCall = Math.Min(CpuPerCall, s.CpuPerCall);
                BytesPerCall = Math.Min(BytesPerCall, s.BytesPerCall);
            }
        }
    }

    /// <summary>The Hadoop side: an RPC server with TOKEN auth and an AM client connected to it.</summary>
    private sealed class IpcSide : IAsyncDisposable
    {
        private readonly HadoopRpcServer server;

        private IpcSide(HadoopRpcServer server, ApplicationMasterProtocolClient client)
        {
            this.server = server;
            Client = client;
        }

        public ApplicationMasterProtocolClient Client { get; }

        public static async Task<IpcSide> StartAsync(AllocateRequestProto request, AllocateResponseProto response)
        {
            var key = new byte[32];
            var attempt = new ApplicationAttemptId(new YarnApplicationId(1_700_000_000_000, 1), 1);
            var token = YarnTokenSecrets.MintAmRmToken(new AMRMTokenIdentifierProto { AppAttemptId = attempt.ToProto(), KeyId = 1 }, key);
            var server = new HadoopRpcServer(new HadoopRpcServerOptions
            {
                AllowSimple = false,
                TokenSecretLookup = id => YarnTokenSecrets.ComputePassword(id, key),
                TokenUser = _ => attempt.ToString(),
            });
            server.Register(YarnProtocols.ApplicationMaster, "allocate", AllocateRequestProto.Parser, (_, _, _) => Task.FromResult(response));
            var client = new ApplicationMasterProtocolClient(server.Start(), token.ToAuth());
            await client.AllocateAsync(request); // connect and authenticate before the clock runs
            return new IpcSide(server, client);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await server.DisposeAsync();
        }
    }
}
