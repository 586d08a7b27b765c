namespace YarnDL.Training.Data;

/// <summary>Gaussian blobs around random class centres: a learnable data set of any size, for benchmarks.</summary>
internal static class SyntheticDataset
{
    public static Dataset Create(int count, int features, int classes, ulong seed)
    {
        var rng = new Rng(seed);
        var centres = new float[classes * features];
        for (var i = 0; i < centres.Length; i++)
        {
            centres[i] = (float)rng.NextGaussian();
        }

        var x = new float[count * features];
        var y = new int[count];
        for (var n = 0; n < count; n++)
        {
            var c = rng.NextInt(classes);
            y[n] = c;
            for (var j = 0; j < features; j++)
            {
                x[(n * features) + j] = centres[(c * features) + j] + (float)(0.8 * rng.NextGaussian());
            }
        }

        return new Dataset(x, y, features, classes);
    }
}
