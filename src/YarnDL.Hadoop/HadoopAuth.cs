namespace YarnDL.Hadoop;

/// <summary>How a client authenticates: SIMPLE (a user name) or TOKEN (DIGEST-MD5 with a Hadoop token).</summary>
public sealed class HadoopAuth
{
    private HadoopAuth(string? user, byte[]? identifier, byte[]? password)
    {
        User = user;
        Identifier = identifier;
        Password = password;
    }

    /// <summary>SIMPLE user name; null for token auth.</summary>
    public string? User { get; }

    internal byte[]? Identifier { get; }

    internal byte[]? Password { get; }

    /// <summary>True for TOKEN (DIGEST-MD5) authentication.</summary>
    public bool IsToken => Identifier is not null;

    /// <summary>SIMPLE authentication (auth byte 0, user sent in the connection context).</summary>
    public static HadoopAuth Simple(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        return new HadoopAuth(user, null, null);
    }

    /// <summary>TOKEN authentication with the token's identifier and password bytes (byte-exact copies).</summary>
    public static HadoopAuth Token(byte[] identifier, byte[] password)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(password);
        return new HadoopAuth(null, (byte[])identifier.Clone(), (byte[])password.Clone());
    }

    /// <inheritdoc />
    public override string ToString() => IsToken ? "TOKEN" : $"SIMPLE({User})";
}
