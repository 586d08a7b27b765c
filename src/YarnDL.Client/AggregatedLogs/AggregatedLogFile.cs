using System.Globalization;

namespace YarnDL.Client.AggregatedLogs;

/// <summary>
/// One node's aggregated log file of an application in YARN's TFile format (<c>AggregatedLogFormat</c>): the reserved
/// keys <c>VERSION</c> (an int), <c>APPLICATION_ACL</c> (pairs of access type and ACL) and <c>APPLICATION_OWNER</c>, then one
/// record per container whose value is a run of <c>writeUTF(logType)</c>, <c>writeUTF(decimal length)</c> and that many bytes.
/// Keys are Java <c>writeUTF</c> strings.
/// </summary>
public sealed class AggregatedLogFile
{
    private AggregatedLogFile(string owner, IReadOnlyDictionary<string, string> acls, IReadOnlyList<AggregatedContainerLogs> containers)
    {
        Owner = owner;
        Acls = acls;
        Containers = containers;
    }

    /// <summary>The application's owner (APPLICATION_OWNER).</summary>
    public string Owner { get; }

    /// <summary>Access type (VIEW_APP, MODIFY_APP) to ACL string.</summary>
    public IReadOnlyDictionary<string, string> Acls { get; }

    /// <summary>The containers in file order (a container appears once per upload cycle).</summary>
    public IReadOnlyList<AggregatedContainerLogs> Containers { get; }

    /// <summary>Parses a whole aggregated log file; <paramref name="source"/> (its path or URL) names it in errors.</summary>
    /// <exception cref="AggregatedLogFormatException">The bytes are not a TFile aggregated log.</exception>
    public static AggregatedLogFile Parse(ReadOnlyMemory<byte> file, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var owner = string.Empty;
        var acls = new Dictionary<string, string>(StringComparer.Ordinal);
        var containers = new List<AggregatedContainerLogs>();
        foreach (var record in TFileReader.ReadAll(file, source))
        {
            var key = new HadoopDataReader(record.Key, source).ReadJavaUtf();
            var value = new HadoopDataReader(record.Value, $"{source} value of {key}");
            switch (key)
            {
                case "VERSION":
                    var version = value.ReadInt32();
                    if (version != 1)
                    {
                        throw value.Corrupt($"aggregated log format version {version}; only 1 is known");
                    }

                    break;
                case "APPLICATION_OWNER":
                    owner = value.ReadJavaUtf();
                    break;
                case "APPLICATION_ACL":
                    while (!value.AtEnd)
                    {
                        var type = value.ReadJavaUtf();
                        acls[type] = value.ReadJavaUtf();
                    }

                    break;
                default:
                    containers.Add(new AggregatedContainerLogs(key, ReadLogs(value)));
                    break;
            }
        }

        return new AggregatedLogFile(owner, acls, containers);
    }

    private static List<AggregatedLogEntry> ReadLogs(HadoopDataReader value)
    {
        var logs = new List<AggregatedLogEntry>();
        while (!value.AtEnd)
        {
            var type = value.ReadJavaUtf();
            var lengthText = value.ReadJavaUtf();
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > int.MaxValue)
            {
                throw value.Corrupt($"log length '{lengthText}' of {type} is not a byte count");
            }

            logs.Add(new AggregatedLogEntry(type, length, value.ReadBytes((int)length).ToArray()));
        }

        return logs;
    }
}

/// <summary>The log files one container uploaded.</summary>
public sealed record AggregatedContainerLogs(string ContainerId, IReadOnlyList<AggregatedLogEntry> Logs);

/// <summary>One log file: its name (LogType), its length in bytes and its contents.</summary>
public sealed record AggregatedLogEntry(string LogType, long Length, byte[] Contents);
