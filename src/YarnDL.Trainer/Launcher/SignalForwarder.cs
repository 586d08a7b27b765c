using System.Runtime.InteropServices;

namespace YarnDL.Trainer.Launcher;

/// <summary>Passes SIGTERM and SIGINT on to the program instead of letting them end the launcher: YARN stops a
/// container with SIGTERM, then SIGKILL after a delay, and the launcher must outlive the program to report its exit
/// code. The launcher ends when the program does.</summary>
internal sealed class SignalForwarder : IDisposable
{
    private readonly ChildProgram child;
    private readonly PosixSignalRegistration[] registrations;
    private int last;

    public SignalForwarder(ChildProgram child)
    {
        this.child = child;
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        ];
    }

    /// <summary>The last signal forwarded (0: none).</summary>
    public int Forwarded => Volatile.Read(ref last);

    /// <summary>Forwards one signal (what the registrations call; tests call it directly).</summary>
    public void Forward(PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGTERM => NativeSignals.SigTerm,
            PosixSignal.SIGINT => NativeSignals.SigInt,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "only SIGTERM and SIGINT are forwarded"),
        };
        Volatile.Write(ref last, number);
        child.Signal(number);
    }

    public void Dispose()
    {
        foreach (var r in registrations)
        {
            r.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Forward(context.Signal);
    }
}
