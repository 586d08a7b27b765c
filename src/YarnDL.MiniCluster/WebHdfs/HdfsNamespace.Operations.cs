namespace YarnDL.MiniCluster.WebHdfs;

internal sealed partial class HdfsNamespace
{
    /// <summary>MKDIRS: true when the directory exists afterwards (FSDirMkdirOp's checks and messages).</summary>
    public bool Mkdirs(string user, string path, int mode)
    {
        lock (_gate)
        {
            CheckTraverse(user, path);
            if (FindLocked(path) is { } existing)
            {
                return existing.IsDirectory ? true : throw HdfsException.AlreadyExists($"Path is not a directory: {path}");
            }

            var (ancestorPath, ancestor) = LastExistingAncestor(path);
            if (!ancestor.IsDirectory)
            {
                throw HdfsException.AlreadyExists($"Parent path is not a directory: {ancestorPath}");
            }

            Permissions.Check(user, ancestorPath, ancestor, HdfsPermissions.Write);
            MakeMissing(path, user, mode, self: true);
            return true;
        }
    }

    /// <summary>The DataNode's CREATE (FSDirWriteFileOp.startFile): makes or truncates the file and returns a stream on
    /// it. The file exists from here on, with what has arrived when an upload breaks off, as in HDFS.</summary>
    public FileStream Create(string user, string path, int mode, bool overwrite, bool createParent, string clientMachine)
    {
        lock (_gate)
        {
            CheckTraverse(user, path);
            var parentPath = ParentOf(path);
            var existing = FindLocked(path);
            if (existing is { IsDirectory: true })
            {
                throw HdfsException.AlreadyExists($"{path} already exists as a directory");
            }

            if (FindLocked(parentPath) is { } parent)
            {
                if (!parent.IsDirectory)
                {
                    throw HdfsException.ParentNotDirectory($"Parent path is not a directory: {parentPath}");
                }

                Permissions.Check(user, parentPath, parent, HdfsPermissions.Write);
            }
            else if (!createParent)
            {
                throw HdfsException.NotFound($"Parent directory doesn't exist: {parentPath}");
            }
            else
            {
                var (ancestorPath, ancestor) = LastExistingAncestor(path);
                Permissions.Check(user, ancestorPath, ancestor, HdfsPermissions.Write);
                MakeMissing(path, user, Convert.ToInt32("755", 8), self: false);
            }

            if (existing is not null)
            {
                if (!overwrite)
                {
                    throw HdfsException.AlreadyExists($"{path} for client {clientMachine} already exists");
                }

                Permissions.Check(user, path, existing, HdfsPermissions.Write);
                _inodes.Remove(path);
            }

            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            var stream = new FileStream(LocalPath(path), options);
            _inodes[path] = new HdfsInode(_nextId++, false, user, FindLocked(parentPath)!.Group, mode);
            return stream;
        }
    }

    /// <summary>OPEN's checks (READ on the file); returns its length.</summary>
    public long OpenCheck(string user, string path, string missingMessage)
    {
        lock (_gate)
        {
            CheckTraverse(user, path);
            var inode = FindLocked(path) ?? throw HdfsException.NotFound(missingMessage);
            Permissions.Check(user, path, inode, HdfsPermissions.Read);
            return inode.IsDirectory ? 0 : new FileInfo(LocalPath(path)).Length;
        }
    }

    /// <summary>GETFILESTATUS's lookup: traverse checks only.</summary>
    public HdfsInode Status(string user, string path, string missingMessage)
    {
        lock (_gate)
        {
            CheckTraverse(user, path);
            return FindLocked(path) ?? throw HdfsException.NotFound(missingMessage);
        }
    }

    /// <summary>LISTSTATUS: READ_EXECUTE on a directory; the children's names in order.</summary>
    public IReadOnlyList<string> List(string user, string path)
    {
        lock (_gate)
        {
            CheckTraverse(user, path);
            var inode = FindLocked(path) ?? throw HdfsException.NotFound($"File {path} does not exist.");
            if (!inode.IsDirectory)
            {
                return [path];
            }

            Permissions.Check(user, path, inode, HdfsPermissions.Read | HdfsPermissions.Execute);
            return [.. Directory.EnumerateFileSystemEntries(LocalPath(path)).Select(e => (path == "/" ? "/" : path + "/") + Path.GetFileName(e)).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>DELETE: false when nothing is there; WRITE on the parent, the sticky bit, non-empty directories refused
    /// without <paramref name="recursive"/>.</summary>
    public bool Delete(string user, string path, bool recursive)
    {
        lock (_gate)
        {
            CheckTraverse(user, path);
            if (FindLocked(path) is not { } inode)
            {
                return false;
            }

            if (path == "/")
            {
                return false;
            }

            var parentPath = ParentOf(path);
            var parent = FindLocked(parentPath)!;
            Permissions.Check(user, parentPath, parent, HdfsPermissions.Write | HdfsPermissions.Execute);
            Permissions.CheckSticky(user, parentPath, parent, path, inode);
            var local = LocalPath(path);
            if (inode.IsDirectory)
            {
                if (!recursive && Directory.EnumerateFileSystemEntries(local).Any())
                {
                    throw new HdfsException(403, "org.apache.hadoop.fs.PathIsNotEmptyDirectoryException", $"`{path} is non empty': Directory is not empty");
                }

                Directory.Delete(local, recursive: true);
            }
            else
            {
                File.Delete(local);
            }

            foreach (var key in _inodes.Keys.Where(k => k == path || k.StartsWith(path + "/", StringComparison.Ordinal)).ToList())
            {
                _inodes.Remove(key);
            }

            return true;
        }
    }
}
