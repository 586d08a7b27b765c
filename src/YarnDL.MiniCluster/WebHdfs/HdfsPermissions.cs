namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>The checks of HDFS's FSPermissionChecker the WebHDFS operations need: EXECUTE on every ancestor, the access
/// an operation asks on the parent or the inode, and the sticky bit. The superuser (the user who started the NameNode)
/// passes every check. A user's groups are a group named as the user; the superuser is also in <c>supergroup</c>.</summary>
internal sealed class HdfsPermissions(string superuser)
{
    public const string SuperGroup = "supergroup";

    public const int Read = 4;
    public const int Write = 2;
    public const int Execute = 1;

    public string Superuser { get; } = superuser;

    public bool IsSuper(string user) => user == Superuser;

    public string GroupOf(string user) => IsSuper(user) ? SuperGroup : user;

    /// <summary>Throws AccessControlException when <paramref name="user"/> lacks <paramref name="access"/> on the inode.</summary>
    public void Check(string user, string path, HdfsInode inode, int access)
    {
        if (IsSuper(user) || Allowed(user, inode, access))
        {
            return;
        }

        throw HdfsException.AccessControl(
            $"Permission denied: user={user}, access={ActionName(access)}, inode=\"{path}\":{inode.Owner}:{inode.Group}:{inode.Symbolic()}");
    }

    /// <summary>A sticky parent lets only the parent's owner or the inode's owner remove or rename the inode.</summary>
    public void CheckSticky(string user, string parentPath, HdfsInode parent, string path, HdfsInode inode)
    {
        if (IsSuper(user) || !parent.Sticky || parent.Owner == user || inode.Owner == user)
        {
            return;
        }

        throw HdfsException.AccessControl(
            $"Permission denied by sticky bit: user={user}, path=\"{path}\":{inode.Owner}:{inode.Group}:{inode.Symbolic()}, "
            + $"parent=\"{parentPath}\":{parent.Owner}:{parent.Group}:{parent.Symbolic()}");
    }

    private bool Allowed(string user, HdfsInode inode, int access)
    {
        var bits = inode.Owner == user ? (inode.Mode >> 6) & 7 : GroupOf(user) == inode.Group ? (inode.Mode >> 3) & 7 : inode.Mode & 7;
        return (bits & access) == access;
    }

    /// <summary>Hadoop's FsAction names.</summary>
    private static string ActionName(int access) => access switch
    {
        Read => "READ",
        Write => "WRITE",
        Execute => "EXECUTE",
        Read | Execute => "READ_EXECUTE",
        Write | Execute => "WRITE_EXECUTE",
        Read | Write => "READ_WRITE",
        _ => "ALL",
    };
}
