using System.Globalization;

namespace YarnDL.Training.Summaries;

/// <summary>Writes a TensorBoard event file <c>events.out.tfevents.&lt;unix seconds&gt;.&lt;host&gt;</c>: the file_version
/// event first, then one event of scalar summaries per call, each flushed so TensorBoard sees it while training runs.</summary>
internal sealed class EventFileWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly TimeProvider _time;

    public EventFileWriter(string directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Directory.CreateDirectory(directory);
        var now = time.GetUtcNow();
        PathName = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"events.out.tfevents.{now.ToUnixTimeSeconds()}.{Environment.MachineName}"));
        _file = new FileStream(PathName, FileMode.Append, FileAccess.Write, FileShare.Read);
        Append(EventProto.FileVersion(WallTime()));
    }

    public string PathName { get; }

    public void WriteScalars(long step, IEnumerable<KeyValuePair<string, double>> values) => Append(EventProto.Scalars(WallTime(), step, values));

    public void Dispose() => _file.Dispose();

    private double WallTime() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private void Append(byte[] eventBytes)
    {
        TfRecord.Write(_file, eventBytes);
        _file.Flush();
    }
}
