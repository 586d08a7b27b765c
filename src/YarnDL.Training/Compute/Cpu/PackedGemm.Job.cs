namespace YarnDL.Training.Compute.Cpu;

internal static unsafe partial class PackedGemm
{
    /// <summary>Operands of one product. <see cref="Accumulate"/> is false when beta is 0: the first k-block then
    /// stores into C instead of adding to it, so C is never cleared in a separate pass.</summary>
    private readonly struct Job(bool transA, bool transB, int m, int n, int k, float* a, float* b, float* c, bool accumulate)
    {
        public bool TransA => transA;

        public bool TransB => transB;

        public int M => m;

        public int N => n;

        public int K => k;

        public float* Pa => a;

        public float* Pb => b;

        public float* Pc => c;

        public bool Accumulate => accumulate;
    }
}
