namespace YarnDL.Training.Compute.Cpu;

internal static unsafe partial class PackedGemm
{
    /// <summary>Operands of one product; element accessors hide the transposition.</summary>
    private readonly struct Job(bool transA, bool transB, int m, int n, int k, float* a, float* b, float* c)
    {
        public bool TransB => transB;

        public int N => n;

        public int K => k;

        public float* Pb => b;

        public float* Pc => c;

        public float A(int i, int p) => transA ? a[((long)p * m) + i] : a[((long)i * k) + p];

        public float B(int p, int j) => transB ? b[((long)j * k) + p] : b[((long)p * n) + j];
    }
}
