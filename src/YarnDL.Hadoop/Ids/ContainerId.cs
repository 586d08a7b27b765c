using System.Globalization;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.Hadoop.Ids;

/// <summary>
/// YARN ContainerId; <see cref="Id"/> packs <c>epoch &lt;&lt; 40 | sequence</c>. Printed
/// <c>container_[e&lt;epoch:00&gt;_]&lt;ts&gt;_&lt;app:0000&gt;_&lt;attempt:00&gt;_&lt;seq:000000&gt;</c>.
/// </summary>
public sealed record ContainerId(ApplicationAttemptId AttemptId, long Id)
{
    public const string Prefix = "container";
    private const long SequenceMask = 0xFF_FFFF_FFFF;

    public long Sequence => Id & SequenceMask;

    public long Epoch => Id >> 40;

    public static ContainerId Create(ApplicationAttemptId attemptId, long epoch, long sequence) => new(attemptId, (epoch << 40) | (sequence & SequenceMask));

    public override string ToString() => Format(AttemptId.ApplicationId.ClusterTimestamp, AttemptId.ApplicationId.Id, AttemptId.AttemptId, Id);

    /// <summary>The text of the container id made of these parts (as <see cref="ToString"/>), allocating only the string.</summary>
    public static string Format(long clusterTimestamp, int applicationId, int attemptId, long id)
    {
        var epoch = id >> 40;
        var sequence = id & SequenceMask;
        return epoch > 0
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{Prefix}_e{epoch:D2}_{clusterTimestamp}_{applicationId:D4}_{attemptId:D2}_{sequence:D6}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{Prefix}_{clusterTimestamp}_{applicationId:D4}_{attemptId:D2}_{sequence:D6}");
    }

    public static ContainerId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('_');
        var hasEpoch = parts.Length == 6 && parts[1].StartsWith('e');
        if (parts[0] != Prefix || parts.Length != (hasEpoch ? 6 : 5))
        {
            throw new FormatException($"Invalid ContainerId: {text}");
        }

        var i = hasEpoch ? 2 : 1;
        var epoch = hasEpoch ? IdParsing.Long(parts[1][1..], text) : 0;
        var app = new YarnApplicationId(IdParsing.Long(parts[i], text), IdParsing.Int(parts[i + 1], text));
        var attempt = new ApplicationAttemptId(app, IdParsing.Int(parts[i + 2], text));
        return Create(attempt, epoch, IdParsing.Long(parts[i + 3], text));
    }

    public ContainerIdProto ToProto() => new() { AppAttemptId = AttemptId.ToProto(), Id = Id };

    public static ContainerId FromProto(ContainerIdProto proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        return new ContainerId(ApplicationAttemptId.FromProto(proto.AppAttemptId ?? new ApplicationAttemptIdProto()), proto.Id);
    }
}
