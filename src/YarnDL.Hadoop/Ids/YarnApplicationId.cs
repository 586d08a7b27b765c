using System.Globalization;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.Hadoop.Ids;

/// <summary>YARN YarnApplicationId, printed <c>application_&lt;ts&gt;_&lt;id:0000&gt;</c>.</summary>
public sealed record YarnApplicationId(long ClusterTimestamp, int Id)
{
    public const string Prefix = "application";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}_{ClusterTimestamp}_{Id:D4}");

    public static YarnApplicationId Parse(string text)
    {
        var parts = IdParsing.Split(text, Prefix, 3);
        return new YarnApplicationId(IdParsing.Long(parts[1], text), IdParsing.Int(parts[2], text));
    }

    public ApplicationIdProto ToProto() => new() { ClusterTimestamp = ClusterTimestamp, Id = Id };

    public static YarnApplicationId FromProto(ApplicationIdProto proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        return new YarnApplicationId(proto.ClusterTimestamp, proto.Id);
    }
}
