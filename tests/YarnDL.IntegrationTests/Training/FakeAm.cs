using System.Net;
using System.Text;

namespace YarnDL.IntegrationTests.Training;

/// <summary>A one-task AM on 127.0.0.1: register answers the cluster at once, every heartbeat answers
/// <see cref="HeartbeatCommand"/>, the result body is kept.</summary>
internal sealed class FakeAm : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public FakeAm(string heartbeatCommand)
    {
        HeartbeatCommand = heartbeatCommand;
        Port = TrainerProcess.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string HeartbeatCommand { get; }

    public string? Secret { get; private set; }

    public string? RegisterBody { get; private set; }

    public int Heartbeats { get; private set; }

    public string? ResultBody { get; private set; }

    public void Dispose()
    {
        listener.Close();
        _ = loop.Exception;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Secret = ctx.Request.Headers["X-YarnDL-Task-Secret"];
            var path = ctx.Request.Url!.AbsolutePath;
            string answer;
            if (path.EndsWith("/register", StringComparison.Ordinal))
            {
                RegisterBody = body;
                answer = "{\"cluster\":{\"chief\":[\"127.0.0.1:1\"]},\"rank\":0,\"worldSize\":1,\"masterAddr\":\"127.0.0.1\",\"masterPort\":1,\"tfConfig\":\"{}\",\"resumeFromCheckpoint\":false}";
            }
            else if (path.EndsWith("/heartbeat", StringComparison.Ordinal))
            {
                Heartbeats++;
                answer = $"{{\"command\":\"{HeartbeatCommand}\"}}";
            }
            else
            {
                ResultBody = body;
                ctx.Response.StatusCode = 204;
                ctx.Response.Close();
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
    }
}
