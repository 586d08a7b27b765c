namespace YarnDL.UnitTests.Training;

internal static class FiniteDifference
{
    /// <summary>(f(x+h) − f(x−h)) / 2h for coordinate <paramref name="i"/>.</summary>
    public static double Central(float[] x, int i, Func<float[], double> f, float h = 1e-2f)
    {
        var saved = x[i];
        x[i] = saved + h;
        var plus = f(x);
        x[i] = saved - h;
        var minus = f(x);
        x[i] = saved;
        return (plus - minus) / (2 * h);
    }
}
