namespace YarnDL.AppMaster.Rm;

/// <summary>One ANY ("*") resource request as sent: <see cref="NumContainers"/> is the total still wanted for the key.</summary>
internal sealed record ResourceAsk(AskKey Key, Capability Capability, int NumContainers, string? NodeLabel)
{
    public const string AnyLocation = "*";
}
