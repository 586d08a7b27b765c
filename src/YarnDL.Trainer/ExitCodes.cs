namespace YarnDL.Trainer;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadConfig = 2;
    public const int Refused = 3;

    /// <summary>The container was given GPUs (or <c>backend: cuda</c>) but no CUDA device is visible; never falls back to the CPU.</summary>
    public const int NoCudaDevice = 5;
}
