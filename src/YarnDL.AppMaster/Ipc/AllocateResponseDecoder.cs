using Google.Protobuf;
using YarnDL.AppMaster.Rm;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Wire;

namespace YarnDL.AppMaster.Ipc;

/// <summary>
/// Decodes an AllocateResponseProto straight from the response frame into the <see cref="AllocateResult"/>
/// <see cref="AmProtoMapper.FromProto(AllocateResponseProto)"/> would give, without the Google.Protobuf message graph.
/// What every heartbeat carries (response_id, allocated and completed containers, num_cluster_nodes, the limit's required
/// fields) is read by hand; the rare fields (updated_nodes, nm_tokens, am_rm_token, preempt, ...) are parsed by their
/// generated parsers and mapped by <see cref="AmProtoMapper"/>, so they behave as before. Unknown fields are skipped;
/// proto2 required fields are checked (ResourceInformationProto.key, TokenProto's four, those inside the rare fields).
/// </summary>
internal static class AllocateResponseDecoder
{
    /// <summary>The decoder as a delegate, made once.</summary>
    public static readonly ProtoDecoder<AllocateResult> Instance = Decode;

    /// <summary>Host names, HTTP addresses and node ids repeat from one heartbeat to the next.</summary>
    private static readonly Utf8Interner Strings = new(512);

    public static AllocateResult Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new ProtoReader(bytes);
        var (responseId, numClusterNodes, command) = (0, 0, AmCommand.None);
        List<AllocatedContainer>? allocated = null, previous = null;
        List<CompletedContainer>? completed = null;
        List<NMTokenProto>? nmTokens = null;
        List<NodeReportProto>? nodes = null;
        TokenProto? amRmToken = null;
        PreemptionMessageProto? preempt = null;
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 0: // a_m_command
                    command = AmProtoMapper.Command((AMCommandProto)r.ReadInt32());
                    break;
                case (2 << 3) | 0:
                    responseId = r.ReadInt32();
                    break;
                case (3 << 3) | 2:
                    (allocated ??= []).Add(Container(r.ReadMessage()));
                    break;
                case (4 << 3) | 2:
                    (completed ??= []).Add(Completed(r.ReadMessage()));
                    break;
                case (5 << 3) | 2: // limit: not used, its required fields still count
                    YarnWire.CheckResource(r.ReadMessage());
                    break;
                case (6 << 3) | 2:
                    (nodes ??= []).Add(r.ReadMessage(NodeReportProto.Parser));
                    break;
                case (7 << 3) | 0:
                    numClusterNodes = r.ReadInt32();
                    break;
                case (8 << 3) | 2:
                    preempt = Merge(preempt, r.ReadMessage(PreemptionMessageProto.Parser));
                    break;
                case (9 << 3) | 2:
                    (nmTokens ??= []).Add(r.ReadMessage(NMTokenProto.Parser));
                    break;
                case (12 << 3) | 2:
                    amRmToken = Merge(amRmToken, r.ReadMessage(TokenProto.Parser));
                    break;
                case (14 << 3) | 2:
                    r.ReadMessage(CollectorInfoProto.Parser);
                    break;
                case (15 << 3) | 2:
                    r.ReadMessage(UpdateContainerErrorProto.Parser);
                    break;
                case (16 << 3) | 2:
                    r.ReadMessage(UpdatedContainerProto.Parser);
                    break;
                case (17 << 3) | 2:
                    (previous ??= []).Add(Container(r.ReadMessage()));
                    break;
                case (18 << 3) | 2:
                    r.ReadMessage(RejectedSchedulingRequestProto.Parser);
                    break;
                default: // application_priority, enhanced_headroom (no required fields, not used) and unknown fields
                    r.SkipLastField();
                    break;
            }
        }

        return new AllocateResult
        {
            ResponseId = responseId,
            Allocated = OrEmpty(allocated),
            Completed = OrEmpty(completed),
            FromPreviousAttempts = OrEmpty(previous),
            NmTokens = nmTokens is null ? AllocateResult.NoNmTokens : AmProtoMapper.NmTokens(nmTokens),
            AmRmToken = amRmToken is null ? ReadOnlyMemory<byte>.Empty : amRmToken.ToByteArray(),
            PreemptedContainers = AmProtoMapper.Preempted(preempt),
            Command = command,
            NumClusterNodes = numClusterNodes,
            UpdatedNodes = nodes is null ? [] : AmProtoMapper.UpdatedNodes(nodes),
        };
    }

    /// <summary>The list, or the shared empty array (<c>list ?? []</c> would make a new empty list).</summary>
    private static IReadOnlyList<T> OrEmpty<T>(List<T>? list) => list is null ? Array.Empty<T>() : list;

    /// <summary>A ContainerProto as <see cref="AmProtoMapper.FromProto(ContainerProto)"/> maps it.</summary>
    private static AllocatedContainer Container(ProtoReader r)
    {
        var id = default(ContainerIdParts);
        var hasId = false;
        var node = default(ReadOnlySpan<byte>);
        string? nodeText = null;
        var http = "";
        var resource = default(ResourceParts);
        var priority = 0;
        var allocationRequestId = -1L; // the proto's default
        var token = default(ReadOnlySpan<byte>);
        byte[]? mergedToken = null;
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    id.Read(r.ReadMessage());
                    hasId = true;
                    break;
                case (2 << 3) | 2:
                    var nodeBytes = r.ReadBytes();
                    nodeText = nodeText is null ? YarnWire.NodeIdText(nodeBytes, Strings) : MergedNodeId(node, nodeBytes);
                    node = nodeBytes;
                    break;
                case (3 << 3) | 2:
                    http = Strings.Get(r.ReadBytes());
                    break;
                case (4 << 3) | 2:
                    resource.Read(r.ReadMessage());
                    break;
                case (5 << 3) | 2:
                    priority = Priority(r.ReadMessage(), priority);
                    break;
                case (6 << 3) | 2:
                    var tokenBytes = r.ReadBytes();
                    YarnWire.CheckToken(new ProtoReader(tokenBytes));
                    mergedToken = token.IsEmpty && mergedToken is null ? null : MergedToken(mergedToken ?? token.ToArray(), tokenBytes);
                    token = tokenBytes;
                    break;
                case (8 << 3) | 0:
                    allocationRequestId = r.ReadInt64();
                    break;
                default:
                    r.SkipLastField();
                    break;
            }
        }

        if (!hasId || nodeText is null)
        {
            throw new ProtoWireException($"An allocated ContainerProto lacks its {(hasId ? "nodeId" : "id")}", r.Offset);
        }

        var tokenMemory = mergedToken ?? (token.IsEmpty ? ReadOnlyMemory<byte>.Empty : token.ToArray());
        return new AllocatedContainer(id.ToString(), nodeText, http, resource.ToCapability(), priority, allocationRequestId, tokenMemory);
    }

    /// <summary>A ContainerStatusProto as a completed container (exit_status and diagnostics with their proto defaults).</summary>
    private static CompletedContainer Completed(ProtoReader r)
    {
        var id = default(ContainerIdParts);
        var hasId = false;
        var exitStatus = -1000;
        var diagnostics = "N/A";
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    id.Read(r.ReadMessage());
                    hasId = true;
                    break;
                case (3 << 3) | 2:
                    diagnostics = r.ReadString();
                    break;
                case (4 << 3) | 0:
                    exitStatus = r.ReadInt32();
                    break;
                case (5 << 3) | 2: // capability: not used, its required fields still count
                    YarnWire.CheckResource(r.ReadMessage());
                    break;
                default:
                    r.SkipLastField();
                    break;
            }
        }

        return hasId ? new CompletedContainer(id.ToString(), exitStatus, diagnostics)
            : throw new ProtoWireException("A completed ContainerStatusProto lacks its container_id", r.Offset);
    }

    private static int Priority(ProtoReader r, int current)
    {
        while (r.TryReadTag(out var tag))
        {
            if (tag == ((1 << 3) | 0))
            {
                current = r.ReadInt32();
            }
            else
            {
                r.SkipLastField();
            }
        }

        return current;
    }

    /// <summary>A nodeId field sent twice (no serializer does): merged as protobuf merges, the slow way.</summary>
    private static string MergedNodeId(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var merged = NodeIdProto.Parser.ParseFrom(first);
        merged.MergeFrom(NodeIdProto.Parser.ParseFrom(second));
        return Hadoop.Ids.NodeId.FromProto(merged).ToString();
    }

    /// <summary>A container_token sent twice: merged as protobuf merges, then serialized as <c>ToByteArray</c> would.</summary>
    private static byte[] MergedToken(byte[] first, ReadOnlySpan<byte> second)
    {
        var merged = TokenProto.Parser.ParseFrom(first);
        merged.MergeFrom(TokenProto.Parser.ParseFrom(second));
        return merged.ToByteArray();
    }

    private static T Merge<T>(T? current, T next)
        where T : class, IMessage<T>
    {
        if (current is null)
        {
            return next;
        }

        current.MergeFrom(next);
        return current;
    }
}
