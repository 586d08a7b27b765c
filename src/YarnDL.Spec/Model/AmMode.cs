namespace YarnDL.Spec.Model;

/// <summary>How the AM program reaches its container.</summary>
public enum AmMode
{
    /// <summary>The AM runs from the job's docker image (command <c>yarndl-am</c>).</summary>
    Image,

    /// <summary>A self-contained AM bundle is uploaded through WebHDFS.</summary>
    Upload,

    /// <summary>The AM is a local dll started with <c>dotnet</c> (MiniCluster).</summary>
    Local,
}
