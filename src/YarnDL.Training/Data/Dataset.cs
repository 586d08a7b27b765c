namespace YarnDL.Training.Data;

/// <summary>Dense examples: <see cref="Features"/> is Count × FeatureCount row-major, labels in [0, ClassCount).</summary>
internal sealed class Dataset(float[] features, int[] labels, int featureCount, int classCount)
{
    public float[] Features { get; } = features;

    public int[] Labels { get; } = labels;

    public int FeatureCount { get; } = featureCount;

    public int ClassCount { get; } = classCount;

    public int Count => Labels.Length;

    /// <summary>Copies the examples at <paramref name="indices"/>, in that order.</summary>
    public Dataset Select(IReadOnlyList<int> indices)
    {
        var f = new float[indices.Count * FeatureCount];
        var l = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Array.Copy(Features, indices[i] * FeatureCount, f, i * FeatureCount, FeatureCount);
            l[i] = Labels[indices[i]];
        }

        return new Dataset(f, l, FeatureCount, ClassCount);
    }

    /// <summary>Fixed train/test split: a seeded permutation, the last <paramref name="testFraction"/> is the test set.</summary>
    public (Dataset Train, Dataset Test) Split(double testFraction, ulong seed)
    {
        var order = Rng.Permutation(Count, seed);
        var testCount = (int)Math.Round(Count * testFraction);
        return (Select(order[..(Count - testCount)]), Select(order[(Count - testCount)..]));
    }
}
