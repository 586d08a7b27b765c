namespace YarnDL.Hadoop.Security;

/// <summary>Tokens and secrets by alias, as in Hadoop's <c>Credentials</c> (insertion order kept).</summary>
public sealed class HadoopCredentials
{
    /// <summary>Tokens by alias.</summary>
    public IList<KeyValuePair<string, HadoopToken>> Tokens { get; } = new List<KeyValuePair<string, HadoopToken>>();

    /// <summary>Secret keys by alias.</summary>
    public IList<KeyValuePair<string, byte[]>> Secrets { get; } = new List<KeyValuePair<string, byte[]>>();

    /// <summary>First token of the given kind (select by kind, never by the empty AMRMToken service).</summary>
    public HadoopToken? FindByKind(string kind) => Tokens.Select(t => t.Value).FirstOrDefault(t => t.Kind == kind);
}
