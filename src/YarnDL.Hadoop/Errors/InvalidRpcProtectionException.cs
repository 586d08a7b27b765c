namespace YarnDL.Hadoop;

/// <summary>A <c>hadoop.rpc.protection</c> value names something other than authentication, integrity or privacy.</summary>
public sealed class InvalidRpcProtectionException : HadoopException
{
    public InvalidRpcProtectionException(string value, string token)
        : base($"{RpcProtection.Key} = '{value}': '{token}' is not a protection level; use a comma-separated list of authentication, integrity, privacy.")
    {
        Value = value;
        Token = token;
    }

    /// <summary>The whole configured value.</summary>
    public string Value { get; }

    /// <summary>The unknown entry.</summary>
    public string Token { get; }
}
