namespace YarnDL.IntegrationTests.EndToEnd;

/// <summary>The end-to-end fault tests run one at a time and share one fault-free baseline.</summary>
[CollectionDefinition(Name)]
public sealed class FaultSuite : ICollectionFixture<FaultFreeBaseline>
{
    public const string Name = "end-to-end faults";
}
