namespace YarnDL.Trainer;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadConfig = 2;
    public const int Refused = 3;
}
