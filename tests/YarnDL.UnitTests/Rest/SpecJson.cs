namespace YarnDL.UnitTests.Rest;

/// <summary>JSON bodies copied from shared/spec/yarn-rest-gpu-docker.md (not produced by our DTOs).</summary>
internal static class SpecJson
{
    public const string NewApplication = """
        {
          "application-id": "application_1700000000000_0042",
          "maximum-resource-capability": {
            "memory": 65536, "vCores": 32,
            "resourceInformations": {"resourceInformation": [
              {"name": "memory-mb", "resourceType": "COUNTABLE", "units": "Mi", "value": 65536, "minimumAllocation": 0, "maximumAllocation": 9223372036854775807},
              {"name": "vcores", "resourceType": "COUNTABLE", "units": "", "value": 32, "minimumAllocation": 0, "maximumAllocation": 9223372036854775807},
              {"name": "yarn.io/gpu", "resourceType": "COUNTABLE", "units": "", "value": 8, "minimumAllocation": 0, "maximumAllocation": 9223372036854775807}
            ]}
          }
        }
        """;

    public const string NotFound = """
        {"RemoteException": {"exception": "NotFoundException",
                             "message": "java.lang.Exception: app with id: application_1_0001 not found",
                             "javaClassName": "org.apache.hadoop.yarn.webapp.NotFoundException"}}
        """;

    public const string NodeWithGpus = """
        {"nodes":{"node":[{"id":"nm1:8041","state":"RUNNING","nodeHTTPAddress":"nm1:8042",
          "totalResource": {
            "memory": 196608, "vCores": 48,
            "resourceInformations": {"resourceInformation": [
              {"name": "memory-mb",   "resourceType": "COUNTABLE", "units": "Mi", "value": 196608, "minimumAllocation": 0, "maximumAllocation": 9223372036854775807},
              {"name": "vcores",      "resourceType": "COUNTABLE", "units": "",   "value": 48,     "minimumAllocation": 0, "maximumAllocation": 9223372036854775807},
              {"name": "yarn.io/gpu", "resourceType": "COUNTABLE", "units": "",   "value": 4,      "minimumAllocation": 0, "maximumAllocation": 9223372036854775807}
            ]}
          }}]}}
        """;

    public const string NmGpuJersey1 = """
        {
          "gpuDeviceInformation": {
            "driverVersion": "535.104.05",
            "gpus": [ {"productName": "NVIDIA A100-SXM4-40GB", "uuid": "GPU-1", "minorNumber": 0} ]
          },
          "totalGpuDevices":    [ {"index": 0, "minorNumber": 0}, {"index": 1, "minorNumber": 1} ],
          "assignedGpuDevices": [ {"index": 0, "minorNumber": 0, "containerId": "container_e05_1700000000000_0042_01_000002"} ]
        }
        """;

    public const string FileStatus = """
        {"FileStatus":{"accessTime":1700000012000,"blockSize":134217728,"group":"supergroup","length":18234567,
          "modificationTime":1700000012345,"owner":"alice","pathSuffix":"","permission":"600","replication":3,"type":"FILE"}}
        """;

    public static string App(string state, string finalStatus) => $$$"""
        {"app":{"id":"application_1700000000000_0042","user":"alice","name":"digits-sweep","queue":"default",
          "state":"{{{state}}}","finalStatus":"{{{finalStatus}}}","progress":"50.0","trackingUI":"ApplicationMaster",
          "trackingUrl":"http://rm1:8088/proxy/application_1700000000000_0042/","diagnostics":"",
          "applicationType":"YARNDL","applicationTags":"a,b","startedTime":1700000000000,"finishedTime":0,"elapsedTime":"1000",
          "amContainerLogs":"http://nm1:8042/node/containerlogs/container_1/alice","allocatedMB":-1}}
        """;

    public static string ClusterInfo(string haState) => $$$"""
        {"clusterInfo":{"id":1700000000000,"startedOn":1700000000000,"state":"STARTED","haState":"{{{haState}}}",
          "resourceManagerVersion":"3.4.1","hadoopVersion":"3.4.1"}}
        """;
}
