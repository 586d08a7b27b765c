namespace YarnDL.Training.Data;

/// <summary>Fashion-MNIST from its IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-…, optionally .gz):
/// 28×28 grey images scaled to [0, 1], 10 classes. Looked up in data-dir, else Debian's dataset-fashion-mnist folder.</summary>
internal static class FashionMnistLoader
{
    public const int Side = 28;
    public const int Classes = 10;

    /// <summary>Where Debian's dataset-fashion-mnist package installs the files (<c>/usr/share/datasets/fashion-mnist</c>,
    /// the .gz IDX files), then two older guesses kept for images that copied the files there (set data-dir otherwise).</summary>
    public static readonly IReadOnlyList<string> SystemDirectories = ["/usr/share/datasets/fashion-mnist", "/usr/share/dataset-fashion-mnist", "/usr/share/fashion-mnist"];

    /// <summary>The official split: 60,000 training and 10,000 test images.</summary>
    public static (Dataset Train, Dataset Test) Load(string? dataDir)
    {
        var dir = Locate(dataDir);
        return (Load(dir, "train"), Load(dir, "t10k"));
    }

    public static Dataset FromIdx(IdxFile images, IdxFile labels, string name)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Dimensions.Count != 3 || labels.Dimensions.Count != 1 || images.Dimensions[0] != labels.Dimensions[0])
        {
            throw new InvalidDataException($"{name}: expected images n×rows×cols and n labels, got [{string.Join('×', images.Dimensions)}] and [{string.Join('×', labels.Dimensions)}]");
        }

        var features = images.Dimensions[1] * images.Dimensions[2];
        var x = new float[images.Data.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = images.Data[i] / 255f;
        }

        var y = labels.Data.Select(b => b < Classes ? (int)b : throw new InvalidDataException($"{name}: label {b} outside 0..{Classes - 1}")).ToArray();
        return new Dataset(x, y, features, Classes);
    }

    private static Dataset Load(string dir, string prefix) =>
        FromIdx(IdxFile.Load(Find(dir, $"{prefix}-images-idx3-ubyte")), IdxFile.Load(Find(dir, $"{prefix}-labels-idx1-ubyte")), $"{dir}/{prefix}");

    private static string Find(string dir, string stem) =>
        new[] { stem, stem + ".gz" }.Select(n => Path.Combine(dir, n)).FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"fashion-mnist: {stem}[.gz] not found in {dir}");

    private static string Locate(string? dataDir) =>
        !string.IsNullOrEmpty(dataDir) ? dataDir
        : SystemDirectories.FirstOrDefault(Directory.Exists)
        ?? throw new DirectoryNotFoundException($"fashion-mnist: set data-dir, or install Debian's dataset-fashion-mnist ({string.Join(" or ", SystemDirectories)})");
}
