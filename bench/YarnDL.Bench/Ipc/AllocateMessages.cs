using Google.Protobuf;
using YarnDL.Hadoop.Protos.Common;
using YarnDL.Hadoop.Protos.Yarn;

namespace YarnDL.Bench.Ipc;

/// <summary>An allocate request and response of the size an AM sends in a busy heartbeat.</summary>
internal static class AllocateMessages
{
    public static AllocateRequestProto Request()
    {
        var request = new AllocateRequestProto { ResponseId = 7, Progress = 0.5f };
        for (var i = 0; i < 4; i++)
        {
            request.Ask.Add(new ResourceRequestProto
            {
                Priority = new PriorityProto { Priority = i },
                ResourceName = "*",
                NumContainers = 4,
                AllocationRequestId = i,
                Capability = new ResourceProto
                {
                    Memory = 2048,
                    VirtualCores = 1,
                    ResourceValueMap = { new ResourceInformationProto { Key = "yarn.io/gpu", Value = 1, Units = "" } },
                },
            });
        }

        return request;
    }

    public static AllocateResponseProto Response()
    {
        var response = new AllocateResponseProto { ResponseId = 8, NumClusterNodes = 50 };
        for (var i = 0; i < 2; i++)
        {
            response.AllocatedContainers.Add(new ContainerProto
            {
                Id = new ContainerIdProto { Id = 100 + i },
                NodeId = new NodeIdProto { Host = "nm-17.example.com", Port = 45454 },
                NodeHttpAddress = "nm-17.example.com:8042",
                Resource = new ResourceProto { Memory = 2048, VirtualCores = 1 },
                ContainerToken = new TokenProto
                {
                    Identifier = ByteString.CopyFrom(new byte[96]),
                    Password = ByteString.CopyFrom(new byte[20]),
                    Kind = "ContainerToken",
                    Service = "10.0.0.17:45454",
                },
            });
        }

        return response;
    }
}
