namespace YarnDL.MiniCluster.NodeManager;

/// <summary>A container failed before its command ran (localization, runtime validation); carries Hadoop-like diagnostics.</summary>
public sealed class ContainerLaunchException : YarnDLException
{
    public ContainerLaunchException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    public ContainerLaunchException() : this("container launch failed", -1) { }

    public ContainerLaunchException(string message) : this(message, -1) { }

    public ContainerLaunchException(string message, Exception inner) : base(message, inner) => ExitCode = -1;

    /// <summary>The exit code the container is reported with (Hadoop uses -1 for localization failures).</summary>
    public int ExitCode { get; }
}
