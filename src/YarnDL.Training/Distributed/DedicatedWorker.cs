using System.Runtime.ExceptionServices;

namespace YarnDL.Training.Distributed;

/// <summary>One long-lived background thread that runs one job at a time: cheaper than a new thread per all-reduce,
/// and immune to thread-pool starvation while it blocks on a socket.</summary>
internal sealed class DedicatedWorker : IDisposable
{
    private readonly SemaphoreSlim start = new(0);
    private readonly SemaphoreSlim done = new(0);
    private readonly Thread thread;
    private Action? job;
    private ExceptionDispatchInfo? failure;
    private volatile bool disposed;

    public DedicatedWorker(string name)
    {
        thread = new Thread(Loop) { IsBackground = true, Name = name };
        thread.Start();
    }

    public void Start(Action work)
    {
        job = work;
        failure = null;
        start.Release();
    }

    /// <summary>Waits for the job given to <see cref="Start"/> and rethrows its exception.</summary>
    public void Join()
    {
        done.Wait();
        failure?.Throw();
    }

    public void Dispose()
    {
        disposed = true;
        start.Release();
    }

    private void Loop()
    {
        while (true)
        {
            start.Wait();
            if (disposed)
            {
                return;
            }

            try
            {
                job!();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            done.Release();
        }
    }
}
