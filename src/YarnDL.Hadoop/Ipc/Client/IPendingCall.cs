namespace YarnDL.Hadoop.Ipc.Client;

/// <summary>A call awaiting its response; completed by the reader loop, the connection's timeout sweep, the caller's
/// cancellation or the connection closing, whichever takes it out of the connection's call table first.</summary>
internal interface IPendingCall
{
    int CallId { get; }

    /// <summary>The method called, for the timeout message.</summary>
    string Method { get; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the call was made; its timeout counts from here.</summary>
    long StartedAt { get; }

    /// <summary>Completes the call from the response payload (decoded here).</summary>
    void Complete(ReadOnlySpan<byte> body);

    void Fail(Exception exception);
}
