using YarnDL.Training.Model;

namespace YarnDL.Training.Config;

/// <summary>Named defaults of <see cref="TrainerOptions"/>.</summary>
internal static class TrainerDefaults
{
    public const string Model = "mlp";
    public const string Dataset = "digits";
    public const int Epochs = 40;
    public const int BatchSize = 32;
    public const float LearningRate = 0.005f;
    public const OptimizerKind Optimizer = OptimizerKind.Adam;
    public const float Momentum = 0.9f;
    public const string Strategy = "allreduce";
    public const string PsMode = "sync";
    public const ulong Seed = 42;
    public const int Threads = 1;
    public const int HiddenUnits = 128;
    public const int SyntheticCount = 20000;
    public const string Backend = "auto";
    public const string Mode = "train";
    public const string PredictionsDir = "predictions";

    /// <summary>Share of the data set held out for the test accuracy.</summary>
    public const double TestFraction = 0.2;
}
