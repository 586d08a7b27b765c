namespace YarnDL.MiniCluster.WebHdfs;

internal sealed partial class HdfsNamespace
{
    /// <summary>RENAME with options (FSDirRenameOp's rename2): failures are exceptions with FSDirRenameOp's messages.</summary>
    public void Rename2(string user, string src, string dst, bool overwrite)
    {
        lock (_gate)
        {
            var (srcInode, _, _) = CheckRenameSource(user, src, dst);
            if (src == dst)
            {
                throw HdfsException.AlreadyExists($"The source {src} and destination {dst} are the same");
            }

            if (dst.StartsWith(src + "/", StringComparison.Ordinal))
            {
                throw HdfsException.Io($"Rename destination {dst} is a directory or file under source {src}");
            }

            if (dst == "/")
            {
                throw HdfsException.Io("rename destination cannot be the root");
            }

            var dstInode = FindLocked(dst);
            if (dstInode is not null)
            {
                if (dstInode.IsDirectory != srcInode.IsDirectory)
                {
                    throw HdfsException.Io($"Source {src} and destination {dst} must both be {(srcInode.IsDirectory ? "directories" : "files")}");
                }

                if (!overwrite)
                {
                    throw HdfsException.AlreadyExists($"rename destination {dst} already exists");
                }

                if (dstInode.IsDirectory && Directory.EnumerateFileSystemEntries(LocalPath(dst)).Any())
                {
                    throw HdfsException.Io($"rename destination directory is not empty: {dst}");
                }
            }

            var dstParentPath = ParentOf(dst);
            var dstParent = FindLocked(dstParentPath) ?? throw HdfsException.NotFound($"rename destination parent {dst} not found.");
            if (!dstParent.IsDirectory)
            {
                throw HdfsException.ParentNotDirectory($"rename destination parent {dst} is a file.");
            }

            Permissions.Check(user, dstParentPath, dstParent, HdfsPermissions.Write);
            if (dstInode is not null)
            {
                Permissions.CheckSticky(user, dstParentPath, dstParent, dst, dstInode);
            }

            Move(src, dst, srcInode, dstInode is not null);
        }
    }

    /// <summary>RENAME without options (the old rename): false instead of most errors; permissions still throw.</summary>
    public bool Rename(string user, string src, string dst)
    {
        lock (_gate)
        {
            CheckTraverse(user, src);
            CheckTraverse(user, dst);
            if (FindLocked(src) is not { } srcInode || src == "/" || dst.StartsWith(src + "/", StringComparison.Ordinal))
            {
                return false;
            }

            var srcParentPath = ParentOf(src);
            var srcParent = FindLocked(srcParentPath)!;
            Permissions.Check(user, srcParentPath, srcParent, HdfsPermissions.Write);
            Permissions.CheckSticky(user, srcParentPath, srcParent, src, srcInode);
            if (FindLocked(dst) is { IsDirectory: true })
            {
                dst = (dst == "/" ? string.Empty : dst) + "/" + src[(src.LastIndexOf('/') + 1)..];
            }

            if (FindLocked(dst) is not null || FindLocked(ParentOf(dst)) is not { IsDirectory: true } dstParent)
            {
                return false;
            }

            Permissions.Check(user, ParentOf(dst), dstParent, HdfsPermissions.Write);
            Move(src, dst, srcInode, replace: false);
            return true;
        }
    }

    private (HdfsInode Inode, string ParentPath, HdfsInode Parent) CheckRenameSource(string user, string src, string dst)
    {
        CheckTraverse(user, src);
        CheckTraverse(user, dst);
        var srcInode = FindLocked(src) ?? throw HdfsException.NotFound($"rename source {src} is not found.");
        if (src == "/")
        {
            throw HdfsException.Io("rename source cannot be the root");
        }

        var parentPath = ParentOf(src);
        var parent = FindLocked(parentPath)!;
        Permissions.Check(user, parentPath, parent, HdfsPermissions.Write);
        Permissions.CheckSticky(user, parentPath, parent, src, srcInode);
        return (srcInode, parentPath, parent);
    }

    private void Move(string src, string dst, HdfsInode inode, bool replace)
    {
        var (from, to) = (LocalPath(src), LocalPath(dst));
        if (inode.IsDirectory)
        {
            if (replace)
            {
                Directory.Delete(to);
            }

            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to, overwrite: replace);
        }

        foreach (var key in _inodes.Keys.Where(k => k == src || k.StartsWith(src + "/", StringComparison.Ordinal)).ToList())
        {
            _inodes[dst + key[src.Length..]] = _inodes[key];
            _inodes.Remove(key);
        }
    }
}
