using YarnDL.Hadoop.Protos.Yarn;
using YarnDL.Hadoop.Wire;
using YarnDL.MiniCluster.ResourceManager;

namespace YarnDL.MiniCluster.Ipc;

/// <summary>
/// Decodes an AllocateRequestProto straight from the request frame into the <see cref="AllocateRequest"/> the allocate
/// handler takes, without the Google.Protobuf message graph: response_id, progress, ask, release and blacklist_request by
/// hand; scheduling_requests and update_requests by their generated parsers (rare, and the placement code takes the
/// protos). tracking_url (not used) and unknown fields are skipped. Proto2 required fields are checked (every
/// ResourceInformationProto's key, those inside the rare fields): a request lacking one is refused as unparsable, as before.
/// </summary>
internal static class AllocateRequestDecoder
{
    /// <summary>The decoder as a delegate, made once.</summary>
    public static readonly ProtoDecoder<AllocateRequest> Instance = Decode;

    /// <summary>Resource names (<c>*</c>, hosts, racks), node labels and blacklisted hosts repeat across heartbeats.</summary>
    private static readonly Utf8Interner Strings = new(512);

    public static AllocateRequest Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new ProtoReader(bytes);
        var (responseId, progress) = (0, 0f);
        List<ContainerAsk>? asks = null;
        List<string>? releases = null, additions = null, removals = null;
        List<SchedulingRequestProto>? schedulingRequests = null;
        Exception? refusal = null;
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    (asks ??= []).Add(Ask(r.ReadMessage(), ref refusal));
                    break;
                case (2 << 3) | 2:
                    var id = default(ContainerIdParts);
                    id.Read(r.ReadMessage());
                    (releases ??= []).Add(id.ToString());
                    break;
                case (3 << 3) | 2:
                    Blacklist(r.ReadMessage(), ref additions, ref removals);
                    break;
                case (4 << 3) | 0:
                    responseId = r.ReadInt32();
                    break;
                case (5 << 3) | 5:
                    progress = r.ReadFloat();
                    break;
                case (7 << 3) | 2: // not acted on; its required fields still count
                    r.ReadMessage(UpdateContainerRequestProto.Parser);
                    break;
                case (10 << 3) | 2:
                    (schedulingRequests ??= []).Add(r.ReadMessage(SchedulingRequestProto.Parser));
                    break;
                default:
                    r.SkipLastField();
                    break;
            }
        }

        return new AllocateRequest(responseId, progress, OrEmpty(asks), OrEmpty(releases), OrEmpty(additions), OrEmpty(removals), OrEmpty(schedulingRequests), refusal);
    }

    /// <summary>The list, or the shared empty array (<c>list ?? []</c> would make a new empty list).</summary>
    private static IReadOnlyList<T> OrEmpty<T>(List<T>? list) => list is null ? Array.Empty<T>() : list;

    /// <summary>A ResourceRequestProto as a <see cref="ContainerAsk"/> (relax_locality and allocation_request_id with their
    /// proto defaults, the node label trimmed, blank as none). A capability the scheduler refuses leaves its error in
    /// <paramref name="refusal"/> (the first one counts) and a zero resource in the ask.</summary>
    private static ContainerAsk Ask(ProtoReader r, ref Exception? refusal)
    {
        var (priority, allocationRequestId, numContainers) = (0, -1L, 0);
        var (name, relaxLocality, label) = (ContainerAsk.Any, true, (string?)null);
        var capability = default(ReadOnlySpan<byte>);
        var hasCapability = false;
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    priority = Priority(r.ReadMessage(), priority);
                    break;
                case (2 << 3) | 2:
                    name = Strings.Get(r.ReadBytes());
                    break;
                case (3 << 3) | 2:
                    capability = r.ReadBytes();
                    WireResource.Check(capability);
                    hasCapability = true;
                    break;
                case (4 << 3) | 0:
                    numContainers = r.ReadInt32();
                    break;
                case (5 << 3) | 0:
                    relaxLocality = r.ReadBool();
                    break;
                case (6 << 3) | 2:
                    label = Strings.Get(r.ReadBytes());
                    break;
                case (8 << 3) | 0:
                    allocationRequestId = r.ReadInt64();
                    break;
                default:
                    r.SkipLastField();
                    break;
            }
        }

        var resource = Model.Resource.Zero;
        if (hasCapability && refusal is null)
        {
            try
            {
                resource = WireResource.Map(capability);
            }
#pragma warning disable CA1031 // Any mapping error is the handler's to throw, as the RM refuses the request with it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                refusal = ex;
            }
        }

        var trimmed = label?.Trim();
        return new ContainerAsk(priority, allocationRequestId, resource, name, numContainers, relaxLocality, trimmed is { Length: > 0 } ? trimmed : null);
    }

    private static void Blacklist(ProtoReader r, ref List<string>? additions, ref List<string>? removals)
    {
        while (r.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    (additions ??= []).Add(Strings.Get(r.ReadBytes()));
                    break;
                case (2 << 3) | 2:
                    (removals ??= []).Add(Strings.Get(r.ReadBytes()));
                    break;
                default:
                    r.SkipLastField();
                    break;
            }
        }
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
}
