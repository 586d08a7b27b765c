using System.Globalization;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.Hadoop.Ids;

/// <summary>YARN ApplicationAttemptId, printed <c>appattempt_&lt;ts&gt;_&lt;app:0000&gt;_&lt;attempt:000000&gt;</c>.</summary>
public sealed record ApplicationAttemptId(YarnApplicationId ApplicationId, int AttemptId)
{
    public const string Prefix = "appattempt";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}_{ApplicationId.ClusterTimestamp}_{ApplicationId.Id:D4}_{AttemptId:D6}");

    public static ApplicationAttemptId Parse(string text)
    {
        var parts = IdParsing.Split(text, Prefix, 4);
        return new ApplicationAttemptId(new YarnApplicationId(IdParsing.Long(parts[1], text), IdParsing.Int(parts[2], text)), IdParsing.Int(parts[3], text));
    }

    public ApplicationAttemptIdProto ToProto() => new() { ApplicationId = ApplicationId.ToProto(), AttemptId = AttemptId };

    public static ApplicationAttemptId FromProto(ApplicationAttemptIdProto proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        return new ApplicationAttemptId(YarnApplicationId.FromProto(proto.ApplicationId ?? new ApplicationIdProto()), proto.AttemptId);
    }
}
