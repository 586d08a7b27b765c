namespace YarnDL.Admin.Config;

/// <summary>One <c>key=value</c> line of container-executor.cfg; <see cref="Section"/> is empty before any <c>[section]</c>.</summary>
public sealed record ContainerExecutorEntry(string Section, string Key, string Value, int Line);
