using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using YarnDL.Training.Summaries;

namespace YarnDL.UnitTests.Training;

public sealed class TensorBoardEventTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "yarndl-tb-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("123456789", 0xE3069283u)] // the CRC-32C check value
    [InlineData("", 0x00000000u)]
    public void Crc32C_MatchesTheCheckValue(string text, uint expected) => Assert.Equal(expected, Crc32C.Compute(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Crc32C_MatchesTheRfc3720Vectors()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x46DD794Eu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
    }

    [Fact]
    public void Mask_RotatesRightFifteenAndAddsTheDelta()
    {
        // rotr15(0xE3069283) = 0x2507C60D; + 0xA282EAD8 = 0xC78AB0E5 (mod 2^32)
        Assert.Equal(0xC78AB0E5u, Crc32C.Mask(0xE3069283));
    }

    [Fact]
    public void TfRecord_FramesLengthCrcDataCrc()
    {
        using var s = new MemoryStream();
        TfRecord.Write(s, "123456789"u8);
        var b = s.ToArray();

        Assert.Equal(8 + 4 + 9 + 4, b.Length);
        Assert.Equal(9UL, BinaryPrimitives.ReadUInt64LittleEndian(b));
        Assert.Equal(Crc32C.Mask(Crc32C.Compute(b.AsSpan(0, 8))), BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(8)));
        Assert.Equal("123456789"u8.ToArray(), b[12..21]);
        Assert.Equal(0xC78AB0E5u, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(21)));
    }

    [Fact]
    public void FileVersionEvent_IsWallTimeThenFileVersion()
    {
        // field 1 (double, tag 0x09) = 1.5; field 3 (string, tag 0x1A) = "brain.Event:2" (13 bytes)
        byte[] expected = [0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F, 0x1A, 0x0D, .. "brain.Event:2"u8];
        Assert.Equal(expected, EventProto.FileVersion(1.5));
    }

    [Fact]
    public void ScalarEvent_NestsSummaryValueTagAndSimpleValue()
    {
        // Value { tag(1) "loss", simple_value(2, fixed32) 0.5f } = 0A 04 'loss' 15 00 00 00 3F (11 bytes)
        // Summary { value(1) } = 0A 0B …; Event { wall_time 2.0, step(2) 7, summary(5) } = … 2A 0D …
        byte[] value = [0x0A, 0x04, .. "loss"u8, 0x15, 0x00, 0x00, 0x00, 0x3F];
        byte[] expected = [0x09, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x10, 0x07, 0x2A, 0x0D, 0x0A, 0x0B, .. value];
        Assert.Equal(expected, EventProto.Scalars(2.0, 7, [new("loss", 0.5)]));
    }

    [Fact]
    public void EventFile_IsNamedForTensorBoard_AndStartsWithTheFileVersionRecord()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        string path;
        using (var w = new EventFileWriter(dir, time))
        {
            time.Advance(TimeSpan.FromSeconds(2));
            w.WriteScalars(10, [new("accuracy", 0.25)]);
            path = w.PathName;
        }

        Assert.Equal($"events.out.tfevents.1700000000.{Environment.MachineName}", Path.GetFileName(path));
        var records = ReadRecords(File.ReadAllBytes(path));
        Assert.Equal(2, records.Count);
        Assert.Equal(EventProto.FileVersion(1_700_000_000), records[0]);
        Assert.Equal(EventProto.Scalars(1_700_000_002, 10, [new("accuracy", 0.25)]), records[1]);
    }

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Splits a TFRecord file by its definition, checking both CRCs.</summary>
    private static List<byte[]> ReadRecords(byte[] file)
    {
        var records = new List<byte[]>();
        for (var at = 0; at < file.Length;)
        {
            var len = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at));
            Assert.Equal(Crc32C.Mask(Crc32C.Compute(file.AsSpan(at, 8))), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)));
            var data = file.AsSpan(at + 12, len).ToArray();
            Assert.Equal(Crc32C.Mask(Crc32C.Compute(data)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + len)));
            records.Add(data);
            at += 16 + len;
        }

        return records;
    }
}
