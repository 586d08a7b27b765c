using System.Globalization;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.Hadoop.Ids;

/// <summary>YARN NodeId, printed <c>host:port</c>.</summary>
public sealed record NodeId(string Host, int Port)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    public static NodeId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new FormatException($"Invalid NodeId: {text}");
        }

        return new NodeId(text[..colon], IdParsing.Int(text[(colon + 1)..], text));
    }

    public NodeIdProto ToProto() => new() { Host = Host, Port = Port };

    public static NodeId FromProto(NodeIdProto proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        return new NodeId(proto.Host, proto.Port);
    }
}
