namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>An error the imitated NameNode or DataNode answers as <c>{"RemoteException":…}</c>, with the status Hadoop's
/// WebHDFS ExceptionHandler gives its class: 403 for IOExceptions (AccessControl, FileAlreadyExists, ParentNotDirectory,
/// PathIsNotEmptyDirectory), 404 for FileNotFoundException, 400 for IllegalArgumentException.</summary>
internal sealed class HdfsException(int status, string javaClass, string message) : YarnDLException(message)
{
    public int Status { get; } = status;

    public string JavaClass { get; } = javaClass;

    public static HdfsException NotFound(string message) => new(404, "java.io.FileNotFoundException", message);

    public static HdfsException AccessControl(string message) => new(403, "org.apache.hadoop.security.AccessControlException", message);

    public static HdfsException AlreadyExists(string message) => new(403, "org.apache.hadoop.fs.FileAlreadyExistsException", message);

    public static HdfsException ParentNotDirectory(string message) => new(403, "org.apache.hadoop.fs.ParentNotDirectoryException", message);

    public static HdfsException Io(string message) => new(403, "java.io.IOException", message);

    public static HdfsException BadParameter(string name, string detail) =>
        new(400, "java.lang.IllegalArgumentException", $"Invalid value for webhdfs parameter \"{name}\": {detail}");
}
