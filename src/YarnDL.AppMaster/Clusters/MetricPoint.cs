namespace YarnDL.AppMaster.Clusters;

/// <summary>Metrics of rank 0 at one step (the curves on the tracking page).</summary>
internal sealed record MetricPoint(long Step, int Epoch, IReadOnlyDictionary<string, double> Values);
