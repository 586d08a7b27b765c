using System.Text.RegularExpressions;

namespace YarnDL.Spec.Placement;

/// <summary>
/// One <c>[prefix/]name=value</c> or <c>[prefix/]name!=value</c> of <c>node-attributes</c>, with the prefix resolved
/// (no prefix is <c>rm.yarn.io</c>, as the RM reads a key without '/').
/// </summary>
public sealed partial record NodeAttributeExpression
{
    /// <summary>Attributes an administrator sets (<c>yarn nodeattributes -add</c>); what a key without prefix means.</summary>
    public const string CentralizedPrefix = "rm.yarn.io";

    /// <summary>Attributes a NodeManager's provider reports (e.g. <c>yarn.nodemanager.node-attributes.provider=config</c>).</summary>
    public const string DistributedPrefix = "nm.yarn.io";

    /// <summary>Longest attribute name or value the RM accepts (NodeLabelUtil).</summary>
    public const int MaxLength = 255;

    /// <summary>What a job may write, for messages.</summary>
    public const string Syntax = "[prefix/]name=value or [prefix/]name!=value, e.g. nm.yarn.io/gpu-model=A100";

    private const string CharacterRule = "letters, digits, '-', '_' and '.', starting with a letter or digit, at most 255 characters";

    private NodeAttributeExpression(string prefix, string name, NodeAttributeOp op, string value) =>
        (Prefix, Name, Op, Value) = (prefix, name, op, value);

    public string Prefix { get; }

    public string Name { get; }

    public NodeAttributeOp Op { get; }

    public string Value { get; }

    /// <summary><c>prefix/name</c>: what identifies the attribute on a node.</summary>
    public string Key => $"{Prefix}/{Name}";

    /// <summary>The canonical text, prefix included (<c>rm.yarn.io/java=1.8</c>).</summary>
    public override string ToString() => Key + (Op == NodeAttributeOp.Equal ? "=" : "!=") + Value;

    /// <summary>Hadoop's rule for one node: <paramref name="nodeValue"/> is the node's value of <see cref="Key"/>, null when it lacks the attribute
    /// (then only <c>!=</c> is satisfied).</summary>
    public bool IsSatisfiedBy(string? nodeValue) => Op == NodeAttributeOp.Equal ? nodeValue == Value : nodeValue != Value;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what is wrong and what is allowed.</summary>
    public static bool TryParse(string? text, out NodeAttributeExpression? expression, out string problem)
    {
        expression = null;
        problem = string.Empty;
        var t = text?.Trim() ?? string.Empty;
        if (t.Length == 0)
        {
            problem = $"empty node attribute expression (allowed: {Syntax})";
            return false;
        }

        var at = t.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0 || (at == 1 && t[0] == '!'))
        {
            problem = $"bad node attribute expression '{t}' (allowed: {Syntax})";
            return false;
        }

        var op = t[at - 1] == '!' ? NodeAttributeOp.NotEqual : NodeAttributeOp.Equal;
        var key = t[..(op == NodeAttributeOp.NotEqual ? at - 1 : at)];
        var value = t[(at + 1)..];
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? CentralizedPrefix : key[..slash];
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (prefix is not (CentralizedPrefix or DistributedPrefix))
        {
            problem = $"bad node attribute prefix '{prefix}' in '{t}' (allowed: {CentralizedPrefix}, set by administrators, or {DistributedPrefix}, set by the NodeManagers; no prefix means {CentralizedPrefix}; node labels go in placement.node-label)";
            return false;
        }

        if (!IsValidText(name))
        {
            problem = $"bad node attribute name '{name}' in '{t}' (allowed: {CharacterRule})";
            return false;
        }

        if (!IsValidText(value))
        {
            problem = $"bad node attribute value '{value}' in '{t}' (allowed: {CharacterRule}; one value, no '=')";
            return false;
        }

        expression = new NodeAttributeExpression(prefix, name, op, value);
        return true;
    }

    /// <summary>Parses text that is known to be valid (a validated spec or plan).</summary>
    public static NodeAttributeExpression Parse(string text) =>
        TryParse(text, out var e, out var problem) ? e! : throw new FormatException(problem);

    private static bool IsValidText(string s) => s.Length <= MaxLength && NameOrValue().IsMatch(s);

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z_.-]*$")]
    private static partial Regex NameOrValue();
}
