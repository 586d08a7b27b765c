namespace YarnDL.Spec;

/// <summary>Named defaults of job.yaml keys.</summary>
public static class SpecDefaults
{
    public const int AmMemoryMb = 1024;
    public const int AmVcores = 1;
    public const int RoleMemoryMb = 2048;
    public const int Epochs = 10;
    public const int BatchSize = 64;
    public const double LearningRate = 0.05;
    public const int HiddenUnits = 64;
    public const int Seed = 42;
    public const int MaxRestarts = 3;
    public const int EarlyStoppingMinTrials = 3;
    public const int CheckpointEverySteps = 100;
    public const int AllocationMinutes = 10;
    public const int RegistrationMinutes = 5;
    public const int RandomMaxTrials = 10;
}
