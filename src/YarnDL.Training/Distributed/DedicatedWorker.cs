using System.Runtime.ExceptionServices;

namespace YarnDL.Training.Distributed;

/// <summary>One long-lived background thread that runs one job at a time: cheaper than a new thread per all-reduce,
/// and immune to thread-pool starvation while it blocks on a socket.</summary>
internal sealed class DedicatedWorker : IDisposable
{
    private readonly SemaphoreSlim _start = new(0);
    private readonly SemaphoreSlim _done = new(0);
    private readonly Thread _thread;
    private Action? _job;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _disposed;

    public DedicatedWorker(string name)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public void Start(Action work)
    {
        _job = work;
        _failure = null;
        _start.Release();
    }

    /// <summary>Waits for the job given to <see cref="Start"/> and rethrows its exception.</summary>
    public void Join()
    {
        _done.Wait();
        _failure?.Throw();
    }

    public void Dispose()
    {
        _disposed = true;
        _start.Release();
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            if (_disposed)
            {
                return;
            }

            try
            {
                _job!();
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }

            _done.Release();
        }
    }
}
