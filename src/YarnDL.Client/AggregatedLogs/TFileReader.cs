using System.IO.Compression;

namespace YarnDL.Client.AggregatedLogs;

/// <summary>
/// Reads every key/value record of a Hadoop TFile (the container of YARN's TFile aggregated logs), in file order.
/// A TFile is a BCFile: 16 magic bytes, data blocks, meta blocks (<c>TFile.meta</c>, <c>TFile.index</c>,
/// <c>BCFile.index</c>), the meta index, then a tail of the meta index offset (8 bytes), the BCFile version (2 × 2 bytes)
/// and the magic again. <c>BCFile.index</c> lists the data blocks; each decompressed data block holds records of
/// <c>VInt keyLength, key, chunked value</c> (chunks of <c>VInt length, bytes</c>, a negative length meaning more follow).
/// </summary>
internal static class TFileReader
{
    private static readonly byte[] Magic = [0xd1, 0x11, 0xd3, 0x68, 0x91, 0xb5, 0xd7, 0xb6, 0x39, 0xdf, 0x41, 0x40, 0x92, 0xba, 0xe1, 0x50];
    private const int TailLength = 8 + 4 + 16;

    public static IReadOnlyList<TFileRecord> ReadAll(ReadOnlyMemory<byte> file, string source)
    {
        var tail = new HadoopDataReader(file, source);
        if (file.Length < TailLength + Magic.Length || !file.Span[^Magic.Length..].SequenceEqual(Magic))
        {
            tail.Position = Math.Max(0, file.Length - Magic.Length);
            throw tail.Corrupt("no BCFile magic at the end (an IFile aggregated log, or a file still being written?)");
        }

        tail.Position = file.Length - TailLength;
        var metaIndexOffset = tail.ReadInt64();
        var major = tail.ReadUInt16();
        if (major != 1)
        {
            throw tail.Corrupt($"BCFile version {major}.x; only 1.x is supported");
        }

        if (metaIndexOffset < Magic.Length || metaIndexOffset > file.Length - TailLength)
        {
            throw tail.Corrupt($"meta index offset {metaIndexOffset} is outside the file");
        }

        var metaIndex = ReadMetaIndex(new HadoopDataReader(file, source) { Position = (int)metaIndexOffset });
        var dataIndex = new HadoopDataReader(Block(file, source, Meta(metaIndex, "BCFile.index", tail)), source + " BCFile.index");
        var defaultCompression = dataIndex.ReadTFileString();
        var blocks = dataIndex.ReadVInt();
        var records = new List<TFileRecord>();
        for (var i = 0; i < blocks; i++)
        {
            var region = BlockRegion.Read(dataIndex, defaultCompression);
            ReadRecords(new HadoopDataReader(Block(file, source, region), $"{source} data block {i}"), records);
        }

        var meta = new HadoopDataReader(Block(file, source, Meta(metaIndex, "TFile.meta", tail)), source + " TFile.meta");
        var tfileMajor = meta.ReadUInt16();
        meta.ReadUInt16();
        var recordCount = meta.ReadVLong();
        if (tfileMajor != 1 || recordCount != records.Count)
        {
            throw meta.Corrupt($"TFile version {tfileMajor}, {recordCount} records in TFile.meta, {records.Count} read");
        }

        return records;
    }

    private static Dictionary<string, BlockRegion> ReadMetaIndex(HadoopDataReader r)
    {
        var count = r.ReadVInt();
        var index = new Dictionary<string, BlockRegion>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadTFileString();
            if (!name.StartsWith("data:", StringComparison.Ordinal))
            {
                throw r.Corrupt($"meta block name '{name}' lacks the 'data:' prefix");
            }

            var compression = r.ReadTFileString();
            index[name["data:".Length..]] = BlockRegion.Read(r, compression);
        }

        return index;
    }

    private static BlockRegion Meta(Dictionary<string, BlockRegion> index, string name, HadoopDataReader at) =>
        index.TryGetValue(name, out var region) ? region : throw at.Corrupt($"no meta block '{name}'");

    private static void ReadRecords(HadoopDataReader block, List<TFileRecord> records)
    {
        while (!block.AtEnd)
        {
            var key = block.ReadBytes(block.ReadVInt());
            using var value = new MemoryStream();
            while (true)
            {
                var chunk = block.ReadVInt();
                value.Write(block.ReadBytes(Math.Abs(chunk)).Span);
                if (chunk >= 0)
                {
                    break;
                }
            }

            records.Add(new TFileRecord(key, value.ToArray()));
        }
    }

    private static byte[] Block(ReadOnlyMemory<byte> file, string source, BlockRegion region)
    {
        if (region.Offset < 0 || region.CompressedSize < 0 || region.Offset + region.CompressedSize > file.Length)
        {
            throw new AggregatedLogFormatException(source, region.Offset, $"block of {region.CompressedSize} bytes runs past the end of the file");
        }

        var stored = file.Slice((int)region.Offset, (int)region.CompressedSize);
        byte[] raw;
        switch (region.Compression)
        {
            case "none":
                raw = stored.ToArray();
                break;
            case "gz":
                // Hadoop's "gz" algorithm is DefaultCodec: zlib (RFC 1950) streams, not gzip files.
                using (var input = new ZLibStream(new MemoryStream(stored.ToArray()), CompressionMode.Decompress))
                using (var output = new MemoryStream((int)Math.Min(region.RawSize, 64L << 20)))
                {
                    try
                    {
                        input.CopyTo(output);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new AggregatedLogFormatException(source, region.Offset, "gz block does not inflate: " + e.Message);
                    }

                    raw = output.ToArray();
                }

                break;
            default:
                throw new AggregatedLogFormatException(source, region.Offset,
                    $"compression '{region.Compression}' is not supported (yarn.nodemanager.log-aggregation.compression-type must be none or gz)");
        }

        return raw.Length == region.RawSize
            ? raw
            : throw new AggregatedLogFormatException(source, region.Offset, $"block inflates to {raw.Length} bytes, the index says {region.RawSize}");
    }

    private sealed record BlockRegion(long Offset, long CompressedSize, long RawSize, string Compression)
    {
        public static BlockRegion Read(HadoopDataReader r, string compression) => new(r.ReadVLong(), r.ReadVLong(), r.ReadVLong(), compression);
    }
}

/// <summary>One TFile key/value record.</summary>
internal sealed record TFileRecord(ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Value);
