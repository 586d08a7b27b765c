namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>The imitated NameNode's namespace: inodes (ids from 16385, the root's id in HDFS, owners, groups, modes) kept
/// in memory, file bytes kept under a local directory at the same relative paths. Entries found on disk without an
/// inode (put there by the cluster itself) are adopted as the superuser's. Messages name HDFS paths, never local ones.</summary>
internal sealed partial class HdfsNamespace
{
    private const long RootInodeId = 16385;

    private readonly string _root;
    private readonly Dictionary<string, HdfsInode> _inodes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _nextId = RootInodeId;

    public HdfsNamespace(string root, HdfsPermissions permissions, IEnumerable<string> homeUsers)
    {
        _root = Path.GetFullPath(root);
        Permissions = permissions;
        Directory.CreateDirectory(_root);
        var super = permissions.Superuser;
        _inodes["/"] = new HdfsInode(_nextId++, true, super, HdfsPermissions.SuperGroup, Convert.ToInt32("755", 8));
        MakeDirectory("/tmp", super, HdfsPermissions.SuperGroup, Convert.ToInt32("1777", 8));
        MakeDirectory("/user", super, HdfsPermissions.SuperGroup, Convert.ToInt32("755", 8));
        foreach (var user in homeUsers.Distinct(StringComparer.Ordinal))
        {
            // what an admin does for each user: hdfs dfs -mkdir /user/NAME; hdfs dfs -chown NAME /user/NAME
            MakeDirectory($"/user/{user}", user, permissions.GroupOf(user), Convert.ToInt32("755", 8));
        }
    }

    public HdfsPermissions Permissions { get; }

    /// <summary>Splits <c>/a/b/c</c> into <c>/a</c>, <c>/a/b</c>, <c>/a/b/c</c>.</summary>
    public static IEnumerable<string> Prefixes(string path)
    {
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..i];
        }

        if (path != "/")
        {
            yield return path;
        }
    }

    public static string ParentOf(string path) => path.LastIndexOf('/') is var i and > 0 ? path[..i] : "/";

    /// <summary>The local file or directory behind an HDFS path.</summary>
    public string LocalPath(string path) => path == "/" ? _root : Path.Combine(_root, path.TrimStart('/'));

    /// <summary>The inode at <paramref name="path"/>, or null.</summary>
    public HdfsInode? Find(string path)
    {
        lock (_gate)
        {
            return FindLocked(path);
        }
    }

    private HdfsInode? FindLocked(string path)
    {
        var local = LocalPath(path);
        var isDir = Directory.Exists(local);
        if (!isDir && !File.Exists(local))
        {
            _inodes.Remove(path);
            return null;
        }

        if (_inodes.TryGetValue(path, out var inode) && inode.IsDirectory == isDir)
        {
            return inode;
        }

        inode = new HdfsInode(_nextId++, isDir, Permissions.Superuser, HdfsPermissions.SuperGroup, Convert.ToInt32(isDir ? "755" : "644", 8));
        _inodes[path] = inode;
        return inode;
    }

    /// <summary>EXECUTE on every existing ancestor directory; an ancestor that is a file is ParentNotDirectoryException.</summary>
    private void CheckTraverse(string user, string path)
    {
        foreach (var prefix in Prefixes(ParentOf(path)).Prepend("/"))
        {
            if (FindLocked(prefix) is not { } inode)
            {
                return;
            }

            if (!inode.IsDirectory)
            {
                throw HdfsException.ParentNotDirectory($"{prefix} (is not a directory)");
            }

            Permissions.Check(user, prefix, inode, HdfsPermissions.Execute);
        }
    }

    /// <summary>The deepest existing ancestor of <paramref name="path"/> (the path itself excluded).</summary>
    private (string Path, HdfsInode Inode) LastExistingAncestor(string path)
    {
        var found = ("/", FindLocked("/")!);
        foreach (var prefix in Prefixes(ParentOf(path)))
        {
            if (FindLocked(prefix) is not { } inode)
            {
                break;
            }

            found = (prefix, inode);
        }

        return found;
    }

    private void MakeDirectory(string path, string owner, string group, int mode)
    {
        Directory.CreateDirectory(LocalPath(path));
        _inodes[path] = new HdfsInode(_nextId++, true, owner, group, mode);
    }

    /// <summary>Creates the missing directories of <paramref name="path"/> (the path included when <paramref name="self"/>);
    /// implicit parents get the mode with u+wx, as FSDirMkdirOp gives them.</summary>
    private void MakeMissing(string path, string user, int mode, bool self)
    {
        foreach (var prefix in Prefixes(self ? path : ParentOf(path)))
        {
            if (FindLocked(prefix) is null)
            {
                var parent = FindLocked(ParentOf(prefix))!;
                MakeDirectory(prefix, user, parent.Group, prefix == path ? mode : mode | Convert.ToInt32("300", 8));
            }
        }
    }
}
