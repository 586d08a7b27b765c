using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;

namespace YarnDL.Bench.Ipc;

/// <summary>Pipelined allocate-sized Hadoop IPC calls (SASL TOKEN auth) against raw TCP echo of the same bytes.</summary>
internal sealed class IpcBenchmark : IBenchmark
{
    private const int Concurrency = 32;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(4);

    public string Name => "ipc";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var request = AllocateMessages.Request();
        var response = AllocateMessages.Response();
        var (ipc, requestBytes, responseBytes) = await RunIpcAsync(request, response, cancellationToken);
        var raw = await RunRawAsync(requestBytes, responseBytes, cancellationToken);

        output.WriteLine($"concurrency={Concurrency}");
        output.WriteLine($"request_frame_bytes={requestBytes}");
        output.WriteLine($"response_frame_bytes={responseBytes}");
        output.WriteLine(Invariant($"ipc_calls_per_s={ipc:F0}"));
        output.WriteLine(Invariant($"raw_echo_per_s={raw:F0}"));
        output.WriteLine(Invariant($"ipc_vs_raw={ipc / raw:F3}"));
        return 0;
    }

    private static async Task<(double PerSecond, int RequestBytes, int ResponseBytes)> RunIpcAsync(
        AllocateRequestProto request, AllocateResponseProto response, CancellationToken ct)
    {
        var key = new byte[32];
        var attempt = new ApplicationAttemptId(new YarnApplicationId(1_700_000_000_000, 1), 1);
        var token = YarnTokenSecrets.MintAmRmToken(new AMRMTokenIdentifierProto { AppAttemptId = attempt.ToProto(), KeyId = 1 }, key);
        await using var server = new HadoopRpcServer(new HadoopRpcServerOptions
        {
            AllowSimple = false,
            TokenSecretLookup = id => YarnTokenSecrets.ComputePassword(id, key),
            TokenUser = _ => attempt.ToString(),
        });
        server.Register(YarnProtocols.ApplicationMaster, "allocate", AllocateRequestProto.Parser,
            (_, _, _) => Task.FromResult(response));
        var endPoint = server.Start();
        await using var client = new ApplicationMasterProtocolClient(endPoint, token.ToAuth());
        var perSecond = await DriveAsync(c => client.AllocateAsync(request, c), ct);

        // Approximate wire sizes: RPC header + engine header + body, each varint-delimited, plus the 4-byte length.
        var requestBytes = 4 + Delimited(40) + Delimited(80) + Delimited(request.CalculateSize());
        var responseBytes = 4 + Delimited(30) + Delimited(response.CalculateSize());
        return (perSecond, requestBytes, responseBytes);
    }

    private static async Task<double> RunRawAsync(int requestBytes, int responseBytes, CancellationToken ct)
    {
        await using var echo = new RawEcho();
        var endPoint = echo.Start(responseBytes - 4);
        await using var client = new RawEchoClient();
        await client.ConnectAsync(endPoint, responseBytes - 4, ct);
        var frame = new byte[requestBytes];
        BinaryPrimitives.WriteInt32BigEndian(frame, requestBytes - 4);
        return await DriveAsync(c => client.CallAsync(frame, c), ct);
    }

    /// <summary>Runs <see cref="Concurrency"/> callers in a closed loop; returns completed calls per second after warm-up.</summary>
    private static async Task<double> DriveAsync(Func<CancellationToken, Task> call, CancellationToken ct)
    {
        long completed = 0;
        var measuring = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await call(CancellationToken.None);
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }, CancellationToken.None)).ToArray();

        await Task.Delay(Warmup, ct);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(Measure, ct);
        var calls = Interlocked.Read(ref completed);
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return calls / seconds;
    }

    private static int Delimited(int size) => CodedOutputStream.ComputeLengthSize(size) + size;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
