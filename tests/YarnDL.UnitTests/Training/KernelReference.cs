namespace YarnDL.UnitTests.Training;

/// <summary>Textbook definitions, in double, to check the kernels against.</summary>
internal static class KernelReference
{
    public static float[] Gemm(bool transA, bool transB, int m, int n, int k, float[] a, float[] b, float[] c, float beta)
    {
        var r = new float[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double s = beta * c[(i * n) + j];
                for (var p = 0; p < k; p++)
                {
                    var av = transA ? a[(p * m) + i] : a[(i * k) + p];
                    var bv = transB ? b[(j * k) + p] : b[(p * n) + j];
                    s += (double)av * bv;
                }

                r[(i * n) + j] = (float)s;
            }
        }

        return r;
    }
}
