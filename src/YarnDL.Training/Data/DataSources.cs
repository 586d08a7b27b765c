using YarnDL.Training.Config;

namespace YarnDL.Training.Data;

/// <summary>The data set named in the options: its train/test split, and the examples batch inference scores
/// (digits and synthetic: every example in file order; fashion-mnist: the t10k file).</summary>
internal static class DataSources
{
    public static (Dataset Train, Dataset Test, Dataset Score) Load(TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dataset == "fashion-mnist")
        {
            var (train, test) = FashionMnistLoader.Load(options.DataDir);
            return (train, test, test);
        }

        var all = options.Dataset == "synthetic"
            ? SyntheticDataset.Create(options.SyntheticCount, 64, 10, options.Seed)
            : DigitsLoader.Load(DigitsLoader.Locate(options.DataDir));
        var (tr, te) = all.Split(TrainerDefaults.TestFraction, options.Seed);
        return (tr, te, all);
    }
}
