using System.IO.Compression;
using YarnDL.Training.Data;

namespace YarnDL.UnitTests.Training;

public sealed class IdxFileTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-idx-" + Guid.NewGuid().ToString("N"));

    public IdxFileTests() => Directory.CreateDirectory(dir);

    [Fact]
    public void Read_ParsesMagicBigEndianDimensionsAndData()
    {
        // 00 00 08 03 | 2 | 2 | 3 (big-endian int32) | 12 bytes
        byte[] idx = [0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, .. Enumerable.Range(0, 12).Select(i => (byte)(i * 20))];
        var f = IdxFile.Read(new MemoryStream(idx), "t");

        Assert.Equal([2, 2, 3], f.Dimensions);
        Assert.Equal(220, f.Data[11]);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 8, 1, 0, 0, 0, 0 }, "not an IDX file")]
    [InlineData(new byte[] { 0, 0, 0x0D, 1, 0, 0, 0, 0 }, "0x0D is not supported")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 5, 1, 2 }, "truncated")]
    public void Read_RejectsBadFiles(byte[] bytes, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(new MemoryStream(bytes), "bad"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FashionMnist_LoadsGzippedAndPlainIdxPairs_ScaledToUnitRange()
    {
        Write("train-images-idx3-ubyte.gz", Images(3), gzip: true);
        Write("train-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0, 0, 3, 9, 0, 4], gzip: false);
        Write("t10k-images-idx3-ubyte", Images(1), gzip: false);
        Write("t10k-labels-idx1-ubyte.gz", [0, 0, 8, 1, 0, 0, 0, 1, 7], gzip: true);

        var (train, test) = FashionMnistLoader.Load(dir);

        Assert.Equal(3, train.Count);
        Assert.Equal(784, train.FeatureCount);
        Assert.Equal([9, 0, 4], train.Labels);
        Assert.Equal(1f, train.Features[(2 * 784) + 783]);
        Assert.Equal(0f, train.Features[0]);
        Assert.Equal([7], test.Labels);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>n images of 28×28; the last pixel of image i is 255 when i is even, else 0; all others 0.</summary>
    private static byte[] Images(int n)
    {
        var header = new byte[] { 0, 0, 8, 3, 0, 0, 0, (byte)n, 0, 0, 0, 28, 0, 0, 0, 28 };
        var data = new byte[n * 784];
        for (var i = 0; i < n; i += 2)
        {
            data[(i * 784) + 783] = 255;
        }

        return [.. header, .. data];
    }

    private void Write(string name, byte[] bytes, bool gzip)
    {
        using var file = File.Create(Path.Combine(dir, name));
        using Stream s = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        s.Write(bytes);
    }
}
