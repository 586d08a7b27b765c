namespace YarnDL.Admin.Config;

/// <summary>One <c>&lt;property&gt;</c> of a Hadoop configuration file, with where its name was written.</summary>
public sealed record HadoopProperty(string Name, string Value, int Line, int Column);
