using System.Text.Json;
using YarnDL.Client.Submit;
using YarnDL.Yarn.Rest.Cluster;

namespace YarnDL.UnitTests.Rest;

/// <summary>
/// <c>GET /ws/v1/cluster/scheduler</c> of a CapacityScheduler, shaped as Hadoop 3.4's CapacitySchedulerInfo and
/// CapacitySchedulerLeafQueueInfo serialize (root and each queue carry <c>maximumAllocation</c>, a ResourceInfo whose
/// yarn.io/gpu value is Long.MAX_VALUE unless <c>yarn.resource-types.yarn.io/gpu.maximum-allocation</c> is set).
/// </summary>
public sealed class SchedulerMaximumAllocationTests
{
    private const string Capacity = """
        {"scheduler":{"schedulerInfo":{"type":"capacityScheduler","capacity":100.0,"usedCapacity":0.0,"maxCapacity":100.0,
          "queueName":"root","queuePath":"root",
          "maximumAllocation":{"memory":8192,"vCores":4,"resourceInformations":{"resourceInformation":[
            {"attributes":{},"maximumAllocation":9223372036854775807,"minimumAllocation":0,"name":"memory-mb","resourceType":"COUNTABLE","units":"Mi","value":8192},
            {"attributes":{},"maximumAllocation":9223372036854775807,"minimumAllocation":0,"name":"vcores","resourceType":"COUNTABLE","units":"","value":4},
            {"attributes":{},"maximumAllocation":9223372036854775807,"minimumAllocation":0,"name":"yarn.io/gpu","resourceType":"COUNTABLE","units":"","value":9223372036854775807}]}},
          "queues":{"queue":[
            {"type":"capacitySchedulerLeafQueueInfo","queueName":"default","queuePath":"root.default","capacity":60.0,
             "maximumAllocation":{"memory":8192,"vCores":4,"resourceInformations":{"resourceInformation":[
               {"name":"memory-mb","resourceType":"COUNTABLE","units":"Mi","value":8192},{"name":"vcores","resourceType":"COUNTABLE","units":"","value":4}]}}},
            {"queueName":"research","queuePath":"root.research","capacity":40.0,"queues":{"queue":
              {"type":"capacitySchedulerLeafQueueInfo","queueName":"gpu","queuePath":"root.research.gpu",
               "maximumAllocation":{"memory":65536,"vCores":16,"resourceInformations":{"resourceInformation":[
                 {"name":"memory-mb","units":"Mi","value":65536},{"name":"vcores","value":16},{"name":"yarn.io/gpu","value":4}]}}}}}]}}}}
        """;

    [Fact]
    public void Root_maximum_when_no_queue_is_named()
    {
        using var doc = JsonDocument.Parse(Capacity);

        var max = SchedulerMaximumAllocation.Parse(doc, null)!;

        Assert.Equal((8192L, 4L, long.MaxValue), (max.Memory, max.VCores, max.Gpus!.Value));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("research.gpu")]
    [InlineData("root.research.gpu")]
    public void A_nested_queue_is_found_by_name_or_path(string queue)
    {
        using var doc = JsonDocument.Parse(Capacity);

        var max = SchedulerMaximumAllocation.Parse(doc, queue)!;

        Assert.Equal((65536L, 16L, 4L), (max.Memory, max.VCores, max.Gpus!.Value));
    }

    [Fact]
    public void Fair_and_fifo_schedulers_report_no_maximum()
    {
        using var fair = JsonDocument.Parse("""{"scheduler":{"schedulerInfo":{"type":"fairScheduler","rootQueue":{"queueName":"root"}}}}""");

        Assert.Null(SchedulerMaximumAllocation.Parse(fair, "default"));
    }

    [Fact]
    public void Largest_node_caps_the_configured_maximum_as_the_rms_node_tracker_does()
    {
        using var doc = JsonDocument.Parse(Capacity);
        var nodes = new ClusterNodes([Node("n1:8041", 6144, 8, 2), Node("n2:8041", 4096, 2, 1)]);

        var max = MaximumAllocation.Combine(SchedulerMaximumAllocation.Parse(doc, null), nodes)!;

        Assert.Equal((6144L, 4L, 2L), (max.Memory, max.VCores, max.Gpus!.Value));
    }

    [Fact]
    public void Without_a_scheduler_figure_the_largest_node_is_the_maximum()
    {
        var max = MaximumAllocation.Combine(null, new ClusterNodes([Node("n1:8041", 6144, 8, 0)]))!;

        Assert.Equal((6144L, 8L, 0L), (max.Memory, max.VCores, max.Gpus!.Value));
    }

    private static ClusterNode Node(string id, long mb, long vcores, long gpus) =>
        new(id, string.Empty, null) { Capacity = new NodeCapacity(mb, vcores, gpus) };
}
