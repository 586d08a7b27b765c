using YarnDL.Training.Data;
using YarnDL.Training.Distributed;

namespace YarnDL.UnitTests.Training;

/// <summary>Two ranks: the shared-memory exchange when both ranks can map the same file, TCP otherwise, and the
/// same bits either way.</summary>
public sealed class RingPairTransportTests
{
    [Theory]
    [InlineData(true, true, "shm")]
    [InlineData(true, false, "tcp")]
    [InlineData(false, true, "tcp")]
    [InlineData(false, false, "tcp")]
    public async Task EitherRankMayRefuseSharedMemory_ResultsAreTheSame(bool allow0, bool allow1, string expected)
    {
        var ranks = (await LoopbackRing.CreateAsync(2)).Cast<RingAllReduce>().ToArray();
        ranks[0].AllowSharedMemory = allow0;
        ranks[1].AllowSharedMemory = allow1;
        try
        {
            var results = LoopbackRing.RunEach(ranks, r =>
            {
                // A tiny first call (the slots must still grow later), several calls reusing both slots, small ones in
                // between, one beyond the first slots (they are offered again, larger).
                var outs = new List<float[]>();
                foreach (var (length, seed) in Calls)
                {
                    var buf = Gaussian(r.Rank, length, seed);
                    r.AllReduceSum(buf);
                    outs.Add(buf);
                }

                return outs;
            });

            Assert.Equal(expected, ranks[0].PairTransport);
            Assert.Equal(expected, ranks[1].PairTransport);
            var i = 0;
            foreach (var (length, seed) in Calls)
            {
                var a = Gaussian(0, length, seed);
                var b = Gaussian(1, length, seed);
                var sum = Enumerable.Range(0, length).Select(k => a[k] + b[k]).ToArray();
                Assert.Equal(sum, results[0][i]);
                Assert.Equal(sum, results[1][i]);
                i++;
            }
        }
        finally
        {
            foreach (var r in ranks)
            {
                r.Dispose();
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RanksOutOfStep_SleepAndAreWoken_SumsStayExact(bool shm)
    {
        // Each rank now and then arrives much later than the spin budget, so the other sleeps on the link and must be
        // rung awake (both directions, and both ranks late at once); every sum must still be exact.
        var ranks = (await LoopbackRing.CreateAsync(2)).Cast<RingAllReduce>().ToArray();
        try
        {
            foreach (var r in ranks)
            {
                r.AllowSharedMemory = shm;
            }

            var results = LoopbackRing.RunEach(ranks, r =>
            {
                var sums = new List<float>();
                for (var call = 0; call < 60; call++)
                {
                    if ((r.Rank == 0 && call % 3 == 0) || (r.Rank == 1 && call % 4 == 1) || call % 10 == 7)
                    {
                        Task.Delay(2).Wait();
                    }

                    var buf = Enumerable.Repeat((float)((call * 2) + r.Rank), 5000).ToArray();
                    r.AllReduceSum(buf);
                    sums.Add(buf.Distinct().Single());
                }

                return sums;
            });

            var expected = Enumerable.Range(0, 60).Select(c => (float)((c * 4) + 1)).ToList();
            Assert.Equal(expected, results[0]);
            Assert.Equal(expected, results[1]);
            Assert.Equal(shm ? "shm" : "tcp", ranks[0].PairTransport);
        }
        finally
        {
            foreach (var r in ranks)
            {
                r.Dispose();
            }
        }
    }

    [Fact]
    public async Task SharedMemoryFile_IsRemovedOnceBothSidesMappedIt()
    {
        var dir = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var ranks = await LoopbackRing.CreateAsync(2);
        try
        {
            LoopbackRing.RunEach(ranks, r =>
            {
                r.AllReduceSum(new float[10]);
                return 0;
            });
            var ring = (RingAllReduce)ranks[0];
            Assert.Equal("shm", ring.PairTransport);
            Assert.StartsWith(dir, ring.SharedFilePath, StringComparison.Ordinal);
            Assert.False(File.Exists(ring.SharedFilePath));
        }
        finally
        {
            foreach (var r in ranks)
            {
                r.Dispose();
            }
        }
    }

    [Fact]
    public async Task PeerGone_AfterSharedMemorySetup_FailsInsteadOfHanging()
    {
        var ranks = await LoopbackRing.CreateAsync(2);
        try
        {
            LoopbackRing.RunEach(ranks, r =>
            {
                r.AllReduceSum(new float[10]);
                return 0;
            });
            ranks[1].Dispose();
            var error = Assert.ThrowsAny<Exception>(() => ranks[0].AllReduceSum(new float[10]));
            Assert.True(error is IOException or System.Net.Sockets.SocketException or ObjectDisposedException, error.ToString());
        }
        finally
        {
            ranks[0].Dispose();
        }
    }

    private static readonly (int Length, int Seed)[] Calls = [(1, 0), (132_653, 1), (1, 2), (132_653, 3), (7, 4), (300_000, 5), (132_653, 6), (300_000, 7)];

    private static float[] Gaussian(int rank, int length, int seed)
    {
        var rng = new Rng((ulong)((rank * 1000) + seed));
        return [.. Enumerable.Range(0, length).Select(_ => (float)rng.NextGaussian())];
    }
}
