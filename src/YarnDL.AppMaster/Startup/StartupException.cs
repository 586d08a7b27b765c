namespace YarnDL.AppMaster.Startup;

/// <summary>The AM container's environment is incomplete; <see cref="Problems"/> names every missing or bad value.</summary>
internal sealed class StartupException(IReadOnlyList<string> problems)
    : YarnDLException("AM environment: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
