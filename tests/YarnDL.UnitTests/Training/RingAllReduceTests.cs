using System.Net;
using System.Net.Sockets;
using YarnDL.Training.Data;
using YarnDL.Training.Distributed;

namespace YarnDL.UnitTests.Training;

public sealed class RingAllReduceTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(2, 7)]
    [InlineData(2, 132_653)]
    [InlineData(2, 1_500_001)]
    [InlineData(3, 2)]
    [InlineData(3, 1001)]
    [InlineData(4, 262_147)]
    [InlineData(5, 3)]
    [InlineData(5, 99_991)]
    [InlineData(2, (2 * 2 * 3 * RingAllReduce.ChunkFloats) + 2)] // pipelined: 3 slices per half, then a 1-float slice
    [InlineData(3, 2 * ((3 * 2 * RingAllReduce.ChunkFloats) + 1001))] // 2 full slices per half and a short one
    [InlineData(4, (2 * 2 * 4 * RingAllReduce.ChunkFloats) + 3)] // two full slices, then one shorter than the world
    [InlineData(5, 2 * ((5 * RingAllReduce.ChunkFloats) + 2))] // last slice: 2 floats for 5 ranks (empty chunks)
    public async Task AllReduceSum_AnyWorldAndOddSize_EveryRankGetsTheSameExactSum(int world, int length)
    {
        var ranks = await LoopbackRing.CreateAsync(world);
        var inputs = Enumerable.Range(0, world).Select(r =>
        {
            var rng = new Rng((ulong)(r + 1));
            return Enumerable.Range(0, length).Select(_ => (float)Math.Round(rng.NextGaussian() * 64)).ToArray();
        }).ToArray();
        var expected = Enumerable.Range(0, length).Select(i => inputs.Sum(x => x[i])).ToArray();

        var results = LoopbackRing.RunEach(ranks, r =>
        {
            var buf = (float[])inputs[r.Rank].Clone();
            r.AllReduceSum(buf);
            r.AllReduceSum(buf); // a second round on the same links: sums of the sums
            return buf;
        });

        foreach (var r in ranks)
        {
            r.Dispose();
        }

        for (var rank = 0; rank < world; rank++)
        {
            // Inputs are small integers, so every order of summation is exact.
            Assert.Equal(expected.Select(v => v * world).ToArray(), results[rank]);
        }
    }

    [Fact]
    public async Task AllReduceSum_FractionalValues_IsBitIdenticalAcrossRanksAndRuns()
    {
        var first = await RunGaussianAsync(4, 50_001);
        var second = await RunGaussianAsync(4, 50_001);
        Assert.Equal(first[0], second[0]);
        Assert.All(first, r => Assert.Equal(first[0], r));
    }

    [Fact]
    public async Task AllReduceSum_PipelinedFractionalValues_IsBitIdenticalAcrossRanksAndRuns()
    {
        var length = (2 * 3 * 4 * RingAllReduce.ChunkFloats) + 777;
        var first = await RunGaussianAsync(4, length);
        var second = await RunGaussianAsync(4, length);
        Assert.Equal(first[0], second[0]);
        Assert.All(first, r => Assert.Equal(first[0], r));
    }

    [Fact]
    public async Task AllReduceSum_PeerLeaves_TheOthersFailInsteadOfWaiting()
    {
        var ranks = await LoopbackRing.CreateAsync(3);
        var outcomes = LoopbackRing.RunEach(ranks, r =>
        {
            if (r.Rank == 2)
            {
                r.Dispose();
                return null;
            }

            try
            {
                r.AllReduceSum(new float[4 * 1024 * 1024]);
                return "completed";
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                return e.GetType().Name;
            }
        });

        foreach (var r in ranks)
        {
            r.Dispose();
        }

        Assert.NotEqual("completed", outcomes[0]);
        Assert.NotEqual("completed", outcomes[1]);
    }

    [Fact]
    public async Task ConnectAsync_LeftNeighbourNeverComes_TimesOut()
    {
        using var mine = Listen();
        using var next = Listen(); // listens (so the connect succeeds) but its rank never joins
        var peers = new[] { mine.LocalEndPoint!, next.LocalEndPoint! };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RingAllReduce.ConnectAsync(0, peers, mine, TimeSpan.FromMilliseconds(300), CancellationToken.None));
    }

    private static Socket Listen()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        s.Listen(4);
        return s;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(132_653)]
    [InlineData(1_500_001)]
    public async Task AllReduceSum_TwoRanks_IsTheFloatSumOfBothBuffersOnBothRanks(int length)
    {
        // Small buffers take the two-rank exchange, buffers beyond the socket buffers the ring: same bits either way.
        var results = await RunGaussianAsync(2, length);
        float[][] inputs = [.. Enumerable.Range(0, 2).Select(r => Gaussian(r, length))];
        var expected = Enumerable.Range(0, length).Select(i => inputs[0][i] + inputs[1][i]).ToArray();
        Assert.Equal(expected, results[0]);
        Assert.Equal(expected, results[1]);
    }

    private static float[] Gaussian(int rank, int length)
    {
        var rng = new Rng((ulong)(rank + 100));
        return [.. Enumerable.Range(0, length).Select(_ => (float)rng.NextGaussian())];
    }

    private static async Task<float[][]> RunGaussianAsync(int world, int length)
    {
        var ranks = await LoopbackRing.CreateAsync(world);
        var results = LoopbackRing.RunEach(ranks, r =>
        {
            var buf = Gaussian(r.Rank, length);
            r.AllReduceSum(buf);
            return buf;
        });
        foreach (var r in ranks)
        {
            r.Dispose();
        }

        return results;
    }
}
