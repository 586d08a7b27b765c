namespace YarnDL.AppMaster.Plan;

/// <summary>The plan file is unreadable or breaks a rule; <see cref="Problems"/> lists every violation.</summary>
internal sealed class PlanException : Exception
{
    public PlanException(string source, IReadOnlyList<string> problems, Exception? inner = null)
        : base($"{source}: {string.Join("; ", problems)}", inner)
    {
        PlanSource = source;
        Problems = problems;
    }

    public string PlanSource { get; }

    public IReadOnlyList<string> Problems { get; }
}
