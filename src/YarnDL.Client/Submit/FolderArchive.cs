using System.Formats.Tar;
using System.IO.Compression;

namespace YarnDL.Client.Submit;

/// <summary>Packs a build folder into a <c>.tgz</c> that a NodeManager unpacks as an ARCHIVE resource (contents at the
/// link's top level, execute bits kept).</summary>
public static class FolderArchive
{
    public static async Task<byte[]> PackAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"cannot pack '{folder}': no such folder");
        }

        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await TarFile.CreateFromDirectoryAsync(folder, gzip, includeBaseDirectory: false, ct).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }
}
