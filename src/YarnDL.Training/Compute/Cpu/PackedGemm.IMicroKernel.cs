namespace YarnDL.Training.Compute.Cpu;

internal static unsafe partial class PackedGemm
{
    /// <summary>One register blocking of the product: the Mr×Nr tile a micro-kernel keeps in registers, and the
    /// kernels and packing steps of that width. The driver is generic over it, so each blocking gets its own compiled
    /// copy with Mr and Nr as constants. Every kernel adds a p-ordered chain of fused multiply-adds from zero per
    /// k-block and then adds it to C, so all blockings give the same bits for the same Kc.</summary>
    private interface IMicroKernel
    {
        /// <summary>Rows of a packed A micro-panel (and of the register tile).</summary>
        static abstract int Mr { get; }

        /// <summary>Columns of a packed B micro-panel (and of the register tile).</summary>
        static abstract int Nr { get; }

        /// <summary>Vector width in bits of the kernels (0: scalar).</summary>
        static abstract int VectorBits { get; }

        /// <summary>C[Mr×Nr] (+)= A panel (kc×Mr) · B panel (kc×Nr, rows <paramref name="ldb"/> apart).</summary>
        static abstract void Full(int kc, float* a, float* b, long ldb, float* c, long ldc, bool accumulate);

        /// <summary>The first <paramref name="rows"/> (1–4) rows of the tile, stored straight into C.</summary>
        static abstract void FewRows(int kc, int rows, float* a, float* b, long ldb, float* c, long ldc, bool accumulate);

        /// <summary>The whole tile into a scratch Mr×Nr tile (overwritten): edge tiles.</summary>
        static abstract void IntoTile(int kc, float* a, float* b, long ldb, float* tile);

        /// <summary>kc rows of Nr contiguous values, <paramref name="ld"/> apart, into a packed panel.</summary>
        static abstract void CopyPanel(float* src, long ld, int kc, float* dst);

        /// <summary>Nr rows of a transposed B, each contiguous in p, into a packed panel (dst[p·Nr + j]).</summary>
        static abstract void PackTransposed(float* src, long ld, int kc, float* dst);

        /// <summary>Mr rows of A, each contiguous in p, into a packed panel (dst[p·Mr + r]).</summary>
        static abstract void PackRows(float* src, long ld, int kc, float* dst);
    }
}
