namespace YarnDL.MiniCluster;

/// <summary>A NodeManager of the MiniCluster as tests see it.</summary>
public sealed record MiniNodeInfo(string NodeId, string Host, int RpcPort, int HttpPort, int Gpus, string LogDir);
