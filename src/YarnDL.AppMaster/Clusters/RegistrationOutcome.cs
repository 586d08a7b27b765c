using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Clusters;

/// <summary>Answer to a register call: the spec (200), pending (202) or stale (409).</summary>
internal abstract record RegistrationOutcome
{
    private RegistrationOutcome()
    {
    }

    internal sealed record Complete(ClusterSpecResponse Spec) : RegistrationOutcome;

    internal sealed record Pending(int Registered, int Expected) : RegistrationOutcome;

    internal sealed record Stale(int CurrentGeneration) : RegistrationOutcome;

    internal sealed record Unknown(string Reason) : RegistrationOutcome;
}
