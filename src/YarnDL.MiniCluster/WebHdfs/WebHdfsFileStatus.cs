using System.Text.Json.Nodes;

namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>JsonUtil's FileStatus map for an inode: its fields in Hadoop's (alphabetical) order.</summary>
internal static class WebHdfsFileStatus
{
    public static JsonObject Of(HdfsNamespace fs, string path, HdfsInode inode, string suffix)
    {
        var local = fs.LocalPath(path);
        var info = inode.IsDirectory ? (FileSystemInfo)new DirectoryInfo(local) : new FileInfo(local);
        var mtime = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds();
        return new JsonObject
        {
            ["accessTime"] = inode.IsDirectory ? 0 : mtime,
            ["blockSize"] = inode.IsDirectory ? 0 : 134217728,
            ["childrenNum"] = inode.IsDirectory ? Directory.EnumerateFileSystemEntries(local).Count() : 0,
            ["fileId"] = inode.Id,
            ["group"] = inode.Group,
            ["length"] = inode.IsDirectory ? 0 : ((FileInfo)info).Length,
            ["modificationTime"] = mtime,
            ["owner"] = inode.Owner,
            ["pathSuffix"] = suffix,
            ["permission"] = inode.Octal,
            ["replication"] = inode.IsDirectory ? 0 : 1,
            ["storagePolicy"] = 0,
            ["type"] = inode.IsDirectory ? "DIRECTORY" : "FILE",
        };
    }
}
