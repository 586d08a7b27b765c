using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Rm;

namespace YarnDL.UnitTests.AppMaster;

/// <summary>A node that joins the cluster reaches the AM in updated_nodes (RUNNING, as Hadoop's RM reports a new node to every
/// running application): the AM says it joined and takes it for more room, never for a fault of its tasks.</summary>
public sealed class NodeJoinTests
{
    [Fact]
    public async Task A_joining_node_is_logged_as_joined_and_disturbs_no_task()
    {
        var log = new LineLogger();
        var f = new AmDriverFixture(Plans.Job(), log);
        var main = await f.LaunchedAsync();
        var containers = f.LiveContainers().ToList();

        f.Rm.Script.Enqueue(_ => new AllocateResult { UpdatedNodes = [new NodeUpdate("n9:45454", "RUNNING", new Capability(8192, 8, 4), "")] });
        await f.Driver.TickAsync(default);

        Assert.Contains("The RM reports node n9:45454 joined (8192 MB, 8 vcores, 4 GPUs)", log.Lines);
        Assert.DoesNotContain(log.Lines, l => l.Contains("lost", StringComparison.Ordinal) || l.Contains("unusable", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(containers, f.LiveContainers());
        Assert.Equal(0, main.Restarts);
        Assert.Null(f.State.Final);
    }

    [Fact]
    public async Task A_node_the_job_already_runs_on_is_not_said_to_join()
    {
        var log = new LineLogger();
        var f = new AmDriverFixture(Plans.Job(), log);
        await f.LaunchedAsync();

        f.Rm.Script.Enqueue(_ => new AllocateResult { UpdatedNodes = [new NodeUpdate("n1:45454", "RUNNING", new Capability(8192, 8, 4), "")] });
        await f.Driver.TickAsync(default);

        Assert.DoesNotContain(log.Lines, l => l.Contains("joined", StringComparison.Ordinal));
    }

    /// <summary>Keeps every formatted log line.</summary>
    private sealed class LineLogger : ILogger<AmDriver>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }
    }
}
