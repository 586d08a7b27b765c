namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>What the imitated NameNode keeps per path: inode id, owner, group, permission bits (sticky bit included).</summary>
internal sealed class HdfsInode(long id, bool isDirectory, string owner, string group, int mode)
{
    public long Id { get; } = id;
    public bool IsDirectory { get; } = isDirectory;
    public string Owner { get; set; } = owner;
    public string Group { get; set; } = group;
    public int Mode { get; set; } = mode;

    public bool Sticky => (Mode & 0x200) != 0;

    /// <summary>Hadoop's <c>FsPermission.toString()</c> with the type letter, e.g. <c>drwxr-xr-x</c> or <c>drwxrwxrwt</c>.</summary>
    public string Symbolic()
    {
        var chars = new char[10];
        chars[0] = IsDirectory ? 'd' : '-';
        for (var i = 0; i < 9; i++)
        {
            chars[i + 1] = (Mode & (1 << (8 - i))) != 0 ? "rwx"[i % 3] : '-';
        }

        if (Sticky)
        {
            chars[9] = (Mode & 1) != 0 ? 't' : 'T';
        }

        return new string(chars);
    }

    public string Octal => Convert.ToString(Mode & 0x3FF, 8);
}
