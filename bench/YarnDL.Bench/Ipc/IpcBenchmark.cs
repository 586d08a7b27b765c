using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using YarnDL.AppMaster.Ipc;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Ipc;
using YarnDL.Hadoop.Ipc.Client;
using YarnDL.Hadoop.Ipc.Server;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.MiniCluster.Ipc;

namespace YarnDL.Bench.Ipc;

/// <summary>Pipelined allocate-sized Hadoop IPC calls (SASL TOKEN auth) against raw TCP echo of the same bytes at the
/// same concurrency: the baseline (<see cref="RawEcho"/>: one write per request and per reply) and, for reference,
/// a batching echo (<see cref="BatchedEcho"/>: writes of concurrent calls coalesced, reads of whatever has arrived,
/// as the Hadoop client and server do) that shows what the bytes alone cost. All stay connected and take turns
/// (<see cref="Rounds"/> rounds each after a warm-up, best round counts), so a neighbour's load on the shared machine
/// hits them alike; process CPU and bytes allocated per call are printed too. Client and server of each side run in
/// this one process, so the bytes allocated per call are both halves' (client and server), counted as
/// <see cref="GC.GetTotalAllocatedBytes(bool)"/> deltas (precise, all threads) over every call of a round: the per-thread
/// counter misses what async continuations allocate on other threads. Both halves run the production decoders: the server
/// decodes the request with the MiniCluster's <see cref="AllocateRequestDecoder"/> and the client the response with the AM's
/// <see cref="AllocateResponseDecoder"/>, straight from the frames into the objects the handler and the caller get. Of the
/// bytes, <c>ipc_message_alloc_bytes_per_call</c> is what decoding the two messages alone costs, measured by decoding the
/// same bytes alone; <c>ipc_overhead_alloc_bytes_per_call</c> is the rest, the IPC layer's own cost; and
/// <c>ipc_protobuf_message_alloc_bytes_per_call</c>, for reference, what parsing them into Google.Protobuf messages costs.</summary>
internal sealed class IpcBenchmark : IBenchmark
{
    private const int Concurrency = 32;
    private const int Rounds = 4;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(1);

    public string Name => "ipc";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var request = AllocateMessages.Request();
        var response = AllocateMessages.Response();
        var only = args.Count >= 2 && args[0] == "--only" ? args[1] : null; // ipc, raw or batched: one side alone

        await using var ipc = await IpcSide.StartAsync(request, response);
        var (requestBytes, responseBytes) = FrameSizes(request, response);
        await using var echo = new RawEcho();
        var endPoint = echo.Start(responseBytes - 4);
        await using var raw = new RawEchoClient();
        await raw.ConnectAsync(endPoint, responseBytes - 4, cancellationToken);
        await using var batchedEcho = new BatchedEcho();
        var batchedEndPoint = batchedEcho.Start(responseBytes - 4);
        await using var batched = new BatchedEchoClient();
        await batched.ConnectAsync(batchedEndPoint, responseBytes - 4, cancellationToken);
        var frame = new byte[requestBytes];
        BinaryPrimitives.WriteInt32BigEndian(frame, requestBytes - 4);

        var sides = new (string Name, Func<CancellationToken, Task> Call, Best Best)[]
        {
            ("ipc", c => ipc.Client.AllocateAsync(request, AllocateResponseDecoder.Instance, c), new Best()),
            ("raw", c => raw.CallAsync(frame, c), new Best()),
            ("batched", c => batched.CallAsync(frame, c), new Best()),
        };
        for (var round = 0; round <= Rounds; round++)
        {
            foreach (var side in sides.Where(x => only is null || x.Name == only))
            {
                side.Best.Add(await DriveAsync(side.Call, round == 0 ? Warmup : Round, cancellationToken), round > 0);
            }
        }

        var (ipcBest, rawBest, batchedBest) = (sides[0].Best, sides[1].Best, sides[2].Best);

        output.WriteLine($"concurrency={Concurrency}");
        output.WriteLine($"request_frame_bytes={requestBytes}");
        output.WriteLine($"response_frame_bytes={responseBytes}");
        output.WriteLine(Invariant($"ipc_cpu_us_per_call={ipcBest.CpuPerCall * 1e6:F1}"));
        output.WriteLine(Invariant($"raw_echo_cpu_us_per_call={rawBest.CpuPerCall * 1e6:F1}"));
        var (requestDecodeBytes, responseDecodeBytes) = MessageAllocations(request, response);
        var messageBytes = requestDecodeBytes + responseDecodeBytes;
        var protobufMessageBytes = ProtobufMessageAllocations(request, response);
        output.WriteLine(Invariant($"ipc_alloc_bytes_per_call={ipcBest.BytesPerCall:F0}"));
        output.WriteLine(Invariant($"ipc_message_alloc_bytes_per_call={messageBytes:F0}"));
        output.WriteLine(Invariant($"ipc_request_decode_alloc_bytes={requestDecodeBytes:F0}"));
        output.WriteLine(Invariant($"ipc_response_decode_alloc_bytes={responseDecodeBytes:F0}"));
        output.WriteLine(Invariant($"ipc_overhead_alloc_bytes_per_call={ipcBest.BytesPerCall - messageBytes:F0}"));
        output.WriteLine(Invariant($"ipc_protobuf_message_alloc_bytes_per_call={protobufMessageBytes:F0}"));
        output.WriteLine(Invariant($"raw_echo_alloc_bytes_per_call={rawBest.BytesPerCall:F0}"));
        output.WriteLine(Invariant($"ipc_thread_sleeps_per_call={ipcBest.SleepsPerCall:F2}"));
        output.WriteLine(Invariant($"raw_echo_thread_sleeps_per_call={rawBest.SleepsPerCall:F2}"));
        output.WriteLine(Invariant($"batched_echo_cpu_us_per_call={batchedBest.CpuPerCall * 1e6:F1}"));
        output.WriteLine(Invariant($"ipc_vs_raw_per_cpu_second={rawBest.CpuPerCall / ipcBest.CpuPerCall:F3}"));
        output.WriteLine(Invariant($"batched_echo_per_s={batchedBest.PerSecond:F0}"));
        output.WriteLine(Invariant($"ipc_calls_per_s={ipcBest.PerSecond:F0}"));
        output.WriteLine(Invariant($"raw_echo_per_s={rawBest.PerSecond:F0}"));
        output.WriteLine(Invariant($"ipc_vs_raw={ipcBest.PerSecond / rawBest.PerSecond:F3}"));
        var work = MessageWorkSeconds(request, response);
        var messageCpu = work.EncodeRequest + work.DecodeRequest + work.EncodeResponse + work.DecodeResponse;
        output.WriteLine(Invariant($"ipc_message_cpu_us_per_call={messageCpu * 1e6:F2} (request: frame {work.EncodeRequest * 1e6:F2}, decode {work.DecodeRequest * 1e6:F2}; response: frame {work.EncodeResponse * 1e6:F2}, decode {work.DecodeResponse * 1e6:F2})"));
        output.WriteLine(Invariant($"ipc_vs_batched_echo_ceiling={batchedBest.CpuPerCall / (batchedBest.CpuPerCall + messageCpu):F3}"));
        output.WriteLine(Invariant($"ipc_vs_batched_echo={ipcBest.PerSecond / batchedBest.PerSecond:F3}"));
        return 0;
    }

    /// <summary>CPU of the work a call cannot skip beyond moving its bytes, on one thread, by step: the client framing the
    /// request (RPC headers and message), the server decoding it, framing the response, and the client decoding that. The
    /// echo moves the same bytes without this, so an IPC call at best takes echo + this: <c>ipc_vs_batched_echo_ceiling</c>
    /// (both sides are CPU-bound on the same cores, so CPU per call stands for throughput).</summary>
    private static (double EncodeRequest, double DecodeRequest, double EncodeResponse, double DecodeResponse) MessageWorkSeconds(
        AllocateRequestProto request, AllocateResponseProto response)
    {
        var clientId = new byte[16];
        var clientIdBytes = ByteString.CopyFrom(clientId);
        var requestHeader = new RequestHeaderProto { MethodName = "allocate", DeclaringClassProtocolName = YarnProtocols.ApplicationMaster, ClientProtocolVersion = 1 };
        var requestBody = request.ToByteArray();
        var responseBody = response.ToByteArray();
        return (
            SecondsPerCall(callId => RpcFrame.Rent(ClientConnection.NewHeader(callId, clientId, retryCount: 0), requestHeader, request).Return()),
            SecondsPerCall(_ => AllocateRequestDecoder.Decode(requestBody)),
            SecondsPerCall(callId => ServerResponses.RentSuccess(callId, clientIdBytes, 0, response).Return()),
            SecondsPerCall(_ => AllocateResponseDecoder.Decode(responseBody)));
    }

    private static double SecondsPerCall(Action<int> step)
    {
        const int Calls = 100_000;
        for (var i = 0; i < 2_000; i++)
        {
            step(100_000 + i);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            step(100_000 + i);
        }

        return clock.Elapsed.TotalSeconds / Calls;
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

    /// <summary>Bytes allocated by decoding one request and one response as the server and the client of a call do: the
    /// MiniCluster's <see cref="AllocateRequestDecoder"/> and the AM's <see cref="AllocateResponseDecoder"/>, from the
    /// message bytes (a span of the read buffer in the IPC layer), giving the objects the handler and the caller get.
    /// Synchronous, so this thread's counter sees all of it.</summary>
    private static (double Request, double Response) MessageAllocations(AllocateRequestProto request, AllocateResponseProto response)
    {
        var requestBytes = request.ToByteArray();
        var responseBytes = response.ToByteArray();
        return (AllocatedPerCall(() => AllocateRequestDecoder.Decode(requestBytes)), AllocatedPerCall(() => AllocateResponseDecoder.Decode(responseBytes)));
    }

    /// <summary>For reference: the same bytes parsed into Google.Protobuf messages, as the IPC layer did before the
    /// decoders (from a span, as it would: parsing from an array adds a <c>CodedInputStream</c> per message).</summary>
    private static double ProtobufMessageAllocations(AllocateRequestProto request, AllocateResponseProto response)
    {
        var requestBytes = request.ToByteArray();
        var responseBytes = response.ToByteArray();
        return AllocatedPerCall(() =>
        {
            AllocateRequestProto.Parser.ParseFrom(requestBytes.AsSpan());
            AllocateResponseProto.Parser.ParseFrom(responseBytes.AsSpan());
        });
    }

    private static double AllocatedPerCall(Action decode)
    {
        const int Decodes = 10_000;
        for (var i = 0; i < 100; i++)
        {
            decode();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Decodes; i++)
        {
            decode();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Decodes;
    }

    /// <summary>Runs <see cref="Concurrency"/> callers in a closed loop for <paramref name="length"/>.</summary>
    private static async Task<Sample> DriveAsync(Func<CancellationToken, Task> call, TimeSpan length, CancellationToken ct)
    {
        long completed = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var switches0 = VoluntarySwitches();
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
        return new Sample(calls / seconds, (self.TotalProcessorTime - cpu0).TotalSeconds / calls, (GC.GetTotalAllocatedBytes(precise: true) - allocated0) / (double)calls,
            (VoluntarySwitches() - switches0) / (double)calls);
    }

    /// <summary>Times this process's threads went to sleep (Linux /proc; 0 elsewhere): each is a wake-up some other
    /// thread paid for, the cost of a thread hop, whatever the neighbours' load.</summary>
    private static long VoluntarySwitches()
    {
        long total = 0;
        if (!Directory.Exists("/proc/self/task"))
        {
            return 0;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line.AsSpan("voluntary_ctxt_switches:".Length), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }

        return total;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Sample(double PerSecond, double CpuPerCall, double BytesPerCall, double SleepsPerCall);

    /// <summary>Best throughput and least CPU per call seen over the counted rounds.</summary>
    private sealed class Best
    {
        public double PerSecond { get; private set; }

        public double CpuPerCall { get; private set; } = double.MaxValue;

        public double BytesPerCall { get; private set; } = double.MaxValue;

        public double SleepsPerCall { get; private set; } = double.MaxValue;

        public void Add(Sample s, bool counts)
        {
            if (counts)
            {
                PerSecond = Math.Max(PerSecond, s.PerSecond);
                CpuPerCall = Math.Min(CpuPerCall, s.CpuPerCall);
                BytesPerCall = Math.Min(BytesPerCall, s.BytesPerCall);
                SleepsPerCall = Math.Min(SleepsPerCall, s.SleepsPerCall);
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
            server.Register<AllocateRequest, AllocateResponseProto>(YarnProtocols.ApplicationMaster, "allocate", AllocateRequestDecoder.Instance, (_, _, _) => Task.FromResult(response));
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
