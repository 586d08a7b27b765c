using YarnDL.Hadoop.Ids;

namespace YarnDL.Hadoop.Wire;

/// <summary>The fields of a ContainerIdProto (app_attempt_id {application_id {id, cluster_timestamp}, attemptId}, id),
/// read without building the message; reading a second occurrence of the field merges into the first, as protobuf
/// merges a repeated singular message. The deprecated app_id field is skipped, as <see cref="ContainerId.FromProto"/> ignores it.</summary>
public struct ContainerIdParts
{
    public long ClusterTimestamp { get; private set; }

    public int ApplicationId { get; private set; }

    public int AttemptId { get; private set; }

    public long Id { get; private set; }

    /// <summary>Merges one ContainerIdProto's fields.</summary>
    public void Read(ProtoReader reader)
    {
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (2 << 3) | 2:
                    ReadAttempt(reader.ReadMessage());
                    break;
                case (3 << 3) | 0:
                    Id = reader.ReadInt64();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }

    /// <summary>The id's text, as <see cref="ContainerId.ToString"/> gives it.</summary>
    public readonly override string ToString() => ContainerId.Format(ClusterTimestamp, ApplicationId, AttemptId, Id);

    private void ReadAttempt(ProtoReader reader)
    {
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    ReadApplication(reader.ReadMessage());
                    break;
                case (2 << 3) | 0:
                    AttemptId = reader.ReadInt32();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }

    private void ReadApplication(ProtoReader reader)
    {
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 0:
                    ApplicationId = reader.ReadInt32();
                    break;
                case (2 << 3) | 0:
                    ClusterTimestamp = reader.ReadInt64();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }
    }
}
