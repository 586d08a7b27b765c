using System.Net;
using System.Text;
using YarnDL.TaskProtocol;

namespace YarnDL.UnitTests.Training;

/// <summary>Answers AM task-API calls with queued responses and records what the task sent.</summary>
internal sealed class ScriptedAmHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body)> answers = new();

    public sealed record Seen(string Path, string? Secret, string Body);

    public List<Seen> Requests { get; } = [];

    /// <summary>Completes when the second request arrives (for loops that send one request at a time,
    /// the first response has then been fully handled).</summary>
    public TaskCompletionSource SecondRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Enqueue(HttpStatusCode status, string body) => answers.Enqueue((status, body));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var secret = request.Headers.TryGetValues(TaskApi.SecretHeader, out var v) ? v.Single() : null;
        var seen = new Seen(request.RequestUri!.AbsolutePath, secret, body);
        Requests.Add(seen);
        if (Requests.Count == 2)
        {
            SecondRequest.TrySetResult();
        }
        var (status, text) = answers.Count > 0 ? answers.Dequeue() : (HttpStatusCode.OK, "{\"command\":\"None\"}");
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
