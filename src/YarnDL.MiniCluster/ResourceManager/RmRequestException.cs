namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>A request the RM refuses; rendered as Hadoop's RemoteException JSON with <see cref="HttpStatus"/>.</summary>
public sealed class RmRequestException : YarnDLException
{
    public RmRequestException(int httpStatus, string javaClassName, string message) : base(message)
    {
        HttpStatus = httpStatus;
        JavaClassName = javaClassName;
    }

    public RmRequestException() : this(500, "org.apache.hadoop.yarn.exceptions.YarnRuntimeException", "internal error") { }

    public RmRequestException(string message) : this(500, "org.apache.hadoop.yarn.exceptions.YarnRuntimeException", message) { }

    public RmRequestException(string message, Exception inner) : base(message, inner)
    {
        HttpStatus = 500;
        JavaClassName = "org.apache.hadoop.yarn.exceptions.YarnRuntimeException";
    }

    public int HttpStatus { get; }

    public string JavaClassName { get; }

    /// <summary>Simple class name, Hadoop's <c>exception</c> field.</summary>
    public string ExceptionName => JavaClassName[(JavaClassName.LastIndexOf('.') + 1)..];

    public static RmRequestException BadRequest(string message) => new(400, "org.apache.hadoop.yarn.webapp.BadRequestException", message);

    public static RmRequestException NotFound(string message) => new(404, "org.apache.hadoop.yarn.webapp.NotFoundException", "java.lang.Exception: " + message);

    public static RmRequestException Unauthenticated() =>
        new(401, "org.apache.hadoop.security.authorize.AuthorizationException", "Unable to obtain user name, user not authenticated");
}
