namespace YarnDL.Hadoop;

/// <summary>Reads <c>hadoop.rpc.protection</c> (a comma-separated list of <c>authentication</c>, <c>integrity</c>,
/// <c>privacy</c>, case-insensitive, in preference order) into SASL qops, as Hadoop's <c>SaslPropertiesResolver</c> does.</summary>
public static class RpcProtection
{
    /// <summary>The configuration key.</summary>
    public const string Key = "hadoop.rpc.protection";

    /// <summary>Hadoop's default: authentication only.</summary>
    public static IReadOnlyList<SaslQop> Default { get; } = [SaslQop.Authentication];

    /// <summary>Parses a value; null or blank gives <see cref="Default"/>. Throws <see cref="InvalidRpcProtectionException"/>.</summary>
    public static IReadOnlyList<SaslQop> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        var result = new List<SaslQop>();
        foreach (var token in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var qop = token.ToUpperInvariant() switch
            {
                "AUTHENTICATION" => SaslQop.Authentication,
                "INTEGRITY" => SaslQop.Integrity,
                "PRIVACY" => SaslQop.Privacy,
                _ => throw new InvalidRpcProtectionException(value, token),
            };
            if (!result.Contains(qop))
            {
                result.Add(qop);
            }
        }

        return result.Count == 0 ? Default : result;
    }

    /// <summary>The SASL token of a qop: <c>auth</c>, <c>auth-int</c> or <c>auth-conf</c>.</summary>
    public static string ToSaslToken(SaslQop qop) => qop switch
    {
        SaslQop.Integrity => "auth-int",
        SaslQop.Privacy => "auth-conf",
        _ => "auth",
    };

    /// <summary>The qop of a SASL token, or null when it is none of the three.</summary>
    public static SaslQop? FromSaslToken(string token) => token switch
    {
        "auth" => SaslQop.Authentication,
        "auth-int" => SaslQop.Integrity,
        "auth-conf" => SaslQop.Privacy,
        _ => null,
    };

    /// <summary>The configuration form of a list, e.g. <c>privacy,integrity</c>.</summary>
    public static string Format(IEnumerable<SaslQop> qops) => string.Join(',', qops.Select(q => q.ToString().ToLowerInvariant()));
}
