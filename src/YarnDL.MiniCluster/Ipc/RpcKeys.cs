using System.Security.Cryptography;
using Google.Protobuf;
using YarnDL.Hadoop.Ids;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Security;
using YarnDL.MiniCluster.Model;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>The RM's NMToken and container-token master keys (Hadoop's NMTokenSecretManager / RMContainerTokenSecretManager).</summary>
internal sealed class RpcKeys
{
    private readonly byte[] _nmKey = RandomNumberGenerator.GetBytes(20);
    private readonly byte[] _containerKey = RandomNumberGenerator.GetBytes(20);

    public int NmKeyId { get; } = RandomNumberGenerator.GetInt32(1, int.MaxValue);

    public int ContainerKeyId { get; } = RandomNumberGenerator.GetInt32(1, int.MaxValue);

    public HadoopToken MintNmToken(string attemptId, string nodeId, string user) =>
        YarnTokenSecrets.MintNMToken(new NMTokenIdentifierProto
        {
            AppAttemptId = ApplicationAttemptId.Parse(attemptId).ToProto(),
            NodeId = NodeId.Parse(nodeId).ToProto(),
            AppSubmitter = user,
            KeyId = NmKeyId,
        }, _nmKey, nodeId);

    /// <summary>NMToken password for an identifier minted by this RM, else null.</summary>
    public byte[]? NmPassword(byte[] identifier, string expectedNode)
    {
        NMTokenIdentifierProto id;
        try
        {
            id = YarnTokenSecrets.ParseNMIdentifier(identifier);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }

        if (id.KeyId != NmKeyId || id.NodeId is null || NodeId.FromProto(id.NodeId).ToString() != expectedNode) return null;
        return YarnTokenSecrets.ComputePassword(identifier, _nmKey);
    }

    public HadoopToken MintContainerToken(ContainerRecord c, string user, long rmIdentifier, long now)
    {
        var identifier = new ContainerTokenIdentifierProto
        {
            ContainerId = ContainerId.Parse(c.Id).ToProto(),
            NmHostAddr = c.Node.NodeId,
            AppSubmitter = user,
            Resource = ProtoMap.Resource(c.Resource),
            ExpiryTimeStamp = now + 600_000,
            MasterKeyId = ContainerKeyId,
            RmIdentifier = rmIdentifier,
            Priority = new PriorityProto { Priority = c.Priority },
            CreationTime = now,
            AllocationRequestId = c.AllocationRequestId,
        }.ToByteArray();
        return new HadoopToken(identifier, YarnTokenSecrets.ComputePassword(identifier, _containerKey), HadoopToken.ContainerTokenKind, c.Node.NodeId);
    }

    /// <summary>Verifies a container token against this RM's key and the NM it is presented to; returns its identifier.</summary>
    public ContainerTokenIdentifierProto? VerifyContainerToken(HadoopToken token, string nodeId)
    {
        if (!CryptographicOperations.FixedTimeEquals(YarnTokenSecrets.ComputePassword(token.Identifier, _containerKey), token.Password)) return null;
        try
        {
            var id = ContainerTokenIdentifierProto.Parser.ParseFrom(token.Identifier);
            return id.MasterKeyId == ContainerKeyId && id.NmHostAddr == nodeId ? id : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
