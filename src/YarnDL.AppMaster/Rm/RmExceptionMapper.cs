namespace YarnDL.AppMaster.Rm;

/// <summary>Turns a Hadoop RemoteException (class name + message) from ApplicationMasterProtocol into the exception the
/// <see cref="AmRmClient"/> reacts to, or null when it is not one of those (the adapter rethrows the original).</summary>
internal static class RmExceptionMapper
{
    public static Exception? Map(string className, string message) => className switch
    {
        RmNotRegisteredException.HadoopClassName => new RmNotRegisteredException(message),
        RmAttemptGoneException.HadoopClassName => new RmAttemptGoneException(message),
        _ => null,
    };
}
