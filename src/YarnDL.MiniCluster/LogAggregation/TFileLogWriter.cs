using System.IO.Compression;

namespace YarnDL.MiniCluster.LogAggregation;

/// <summary>
/// Writes one node's aggregated log file as a NodeManager's <c>AggregatedLogFormat.LogWriter</c> does: an unsorted TFile
/// (BCFile magic, gz data blocks of at least 256 KiB, meta blocks <c>TFile.meta</c> (none), <c>TFile.index</c> and
/// <c>BCFile.index</c> (gz), the meta index, the index offset, version 1.0 and the magic), whose records are
/// <c>VERSION</c> → int 1, <c>APPLICATION_ACL</c> → access type/ACL pairs, <c>APPLICATION_OWNER</c> → the user, then per
/// container its files in name order as <c>writeUTF(name)</c>, <c>writeUTF(length)</c> and the bytes. Keys are <c>writeUTF</c> strings.
/// </summary>
internal static class TFileLogWriter
{
    private static readonly byte[] Magic = [0xd1, 0x11, 0xd3, 0x68, 0x91, 0xb5, 0xd7, 0xb6, 0x39, 0xdf, 0x41, 0x40, 0x92, 0xba, 0xe1, 0x50];
    private const int MinBlockSize = 256 * 1024;
    private const int ChunkSize = 1024 * 1024;

    /// <summary>One container's log files (name, bytes).</summary>
    internal sealed record ContainerLogs(string ContainerId, IReadOnlyList<(string Name, byte[] Contents)> Files);

    public static byte[] Write(string owner, IReadOnlyDictionary<string, string> acls, IEnumerable<ContainerLogs> containers)
    {
        var records = new List<(byte[] Key, byte[] Value)>
        {
            (Key("VERSION"), Value(v => v.WriteInt32(1))),
            (Key("APPLICATION_ACL"), Value(v =>
            {
                foreach (var (type, acl) in acls)
                {
                    v.WriteJavaUtf(type);
                    v.WriteJavaUtf(acl);
                }
            })),
            (Key("APPLICATION_OWNER"), Value(v => v.WriteJavaUtf(owner))),
        };
        foreach (var c in containers.Where(c => c.Files.Count > 0))
        {
            records.Add((Key(c.ContainerId), Value(v =>
            {
                foreach (var (name, contents) in c.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    v.WriteJavaUtf(name);
                    v.WriteJavaUtf(contents.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    v.Write(contents);
                }
            })));
        }

        return Assemble(records);
    }

    private static byte[] Assemble(List<(byte[] Key, byte[] Value)> records)
    {
        var file = new TFileOutput();
        file.Write(Magic);
        var blocks = new List<(long Offset, long Compressed, long Raw)>();
        var index = new List<(byte[] LastKey, long Entries)>();
        var block = new TFileOutput();
        long inBlock = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var (key, value) = records[i];
            block.WriteVLong(key.Length);
            block.Write(key);
            WriteChunked(block, value);
            inBlock++;
            if (block.Length >= MinBlockSize || i == records.Count - 1)
            {
                blocks.Add(AppendBlock(file, block.ToArray(), compress: true));
                index.Add((key, inBlock));
                block = new TFileOutput();
                inBlock = 0;
            }
        }

        var meta = new TFileOutput();
        meta.WriteInt16(1);
        meta.WriteInt16(0);
        meta.WriteVLong(records.Count);
        meta.WriteString(string.Empty); // unsorted: no comparator
        var metaRegion = AppendBlock(file, meta.ToArray(), compress: false);

        var tfileIndex = new TFileOutput();
        var first = new TFileOutput();
        first.WriteVLong(records[0].Key.Length);
        first.Write(records[0].Key);
        tfileIndex.WriteVLong(first.Length);
        tfileIndex.Write(first.ToArray());
        foreach (var (lastKey, entries) in index)
        {
            var entry = new TFileOutput();
            entry.WriteVLong(lastKey.Length);
            entry.Write(lastKey);
            entry.WriteVLong(entries);
            tfileIndex.WriteVLong(entry.Length);
            tfileIndex.Write(entry.ToArray());
        }

        var indexRegion = AppendBlock(file, tfileIndex.ToArray(), compress: true);

        var dataIndex = new TFileOutput();
        dataIndex.WriteString("gz");
        dataIndex.WriteVLong(blocks.Count);
        foreach (var (offset, compressed, raw) in blocks)
        {
            WriteRegion(dataIndex, offset, compressed, raw);
        }

        var dataIndexRegion = AppendBlock(file, dataIndex.ToArray(), compress: true);

        var metaIndexOffset = file.Length;
        file.WriteVLong(3); // sorted by name, as BCFile's TreeMap writes them
        WriteMetaEntry(file, "BCFile.index", "gz", dataIndexRegion);
        WriteMetaEntry(file, "TFile.index", "gz", indexRegion);
        WriteMetaEntry(file, "TFile.meta", "none", metaRegion);
        file.WriteInt64(metaIndexOffset);
        file.WriteInt16(1);
        file.WriteInt16(0);
        file.Write(Magic);
        return file.ToArray();
    }

    private static void WriteChunked(TFileOutput block, byte[] value)
    {
        var at = 0;
        while (value.Length - at > ChunkSize)
        {
            block.WriteVLong(-ChunkSize);
            block.Write(value.AsSpan(at, ChunkSize));
            at += ChunkSize;
        }

        block.WriteVLong(value.Length - at);
        block.Write(value.AsSpan(at));
    }

    private static (long Offset, long Compressed, long Raw) AppendBlock(TFileOutput file, byte[] raw, bool compress)
    {
        var offset = file.Length;
        var stored = raw;
        if (compress)
        {
            // Hadoop's "gz" is DefaultCodec: a zlib stream.
            using var output = new MemoryStream();
            using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(raw);
            }

            stored = output.ToArray();
        }

        file.Write(stored);
        return (offset, stored.Length, raw.Length);
    }

    private static void WriteMetaEntry(TFileOutput file, string name, string compression, (long Offset, long Compressed, long Raw) region)
    {
        file.WriteString("data:" + name);
        file.WriteString(compression);
        WriteRegion(file, region.Offset, region.Compressed, region.Raw);
    }

    private static void WriteRegion(TFileOutput o, long offset, long compressed, long raw)
    {
        o.WriteVLong(offset);
        o.WriteVLong(compressed);
        o.WriteVLong(raw);
    }

    private static byte[] Key(string key) => Value(v => v.WriteJavaUtf(key));

    private static byte[] Value(Action<TFileOutput> write)
    {
        var o = new TFileOutput();
        write(o);
        return o.ToArray();
    }
}
