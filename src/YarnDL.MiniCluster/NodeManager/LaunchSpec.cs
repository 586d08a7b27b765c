namespace YarnDL.MiniCluster.NodeManager;

/// <summary>A container launch context, independent of whether it came over REST or IPC.</summary>
internal sealed record LaunchSpec(
    IReadOnlyList<string> Commands,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<LocalResourceSpec> LocalResources,
    IReadOnlyList<TokenEntry> Tokens,
    IReadOnlyList<KeyValuePair<string, byte[]>> Secrets);

/// <summary>One entry of <c>local-resources</c>.</summary>
internal sealed record LocalResourceSpec(string Name, string Resource, string Type, long Size, long Timestamp);

/// <summary>A Writable-serialised Hadoop token (identifier, password, kind, service) under an alias.</summary>
internal sealed record TokenEntry(string Alias, byte[] Identifier, byte[] Password, string Kind, string Service);
