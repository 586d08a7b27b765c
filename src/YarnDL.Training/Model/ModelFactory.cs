using YarnDL.Training.Compute;
using YarnDL.Training.Config;

namespace YarnDL.Training.Model;

/// <summary>Builds the model named in the options: <c>mlp</c> (two hidden layers) or <c>cnn</c> (conv 3×3×16 + one hidden layer).</summary>
internal static class ModelFactory
{
    public const int CnnChannels = 16;

    /// <summary>On the managed span kernels (<see cref="HostTensors"/>).</summary>
    public static IModel Create(TrainerOptions options, IComputeBackend backend, int features, int classes) =>
        Create(options, new HostTensors(backend), features, classes);

    public static IModel Create(TrainerOptions options, ITensorBackend backend, int features, int classes)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Model == "cnn")
        {
            var side = (int)Math.Round(Math.Sqrt(features));
            return side * side == features
                ? new Cnn(backend, side, CnnChannels, options.HiddenUnits, classes, options.Seed)
                : throw new ArgumentException($"cnn needs square images; {features} features is not a square", nameof(features));
        }

        return new Mlp(backend, [features, options.HiddenUnits, options.HiddenUnits, classes], options.Seed);
    }
}
