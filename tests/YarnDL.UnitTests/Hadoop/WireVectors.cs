using Google.Protobuf;
using YarnDL.Hadoop.Wire;

namespace YarnDL.UnitTests.Hadoop;

/// <summary>Wire bytes written by Google.Protobuf's own writer (never by our code), and whether a read refuses them.</summary>
internal static class WireVectors
{
    public static byte[] Write(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }

    /// <summary>True when <paramref name="read"/> refuses its input the way Google.Protobuf or our reader does.</summary>
    public static bool Refuses(Action read)
    {
        try
        {
            read();
            return false;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or ProtoWireException)
        {
            return true;
        }
    }
}
