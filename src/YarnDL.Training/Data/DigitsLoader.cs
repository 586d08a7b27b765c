using System.Globalization;
using System.IO.Compression;

namespace YarnDL.Training.Data;

/// <summary>Reads the UCI 8×8 digits CSV (64 pixels 0..16, then the label); pixels are scaled to [0, 1].</summary>
internal static class DigitsLoader
{
    public const int Features = 64;
    public const int Classes = 10;
    public const string FileName = "digits.csv.gz";

    public static Dataset Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var features = new List<float>(1800 * Features);
        var labels = new List<int>(1800);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length != Features + 1)
            {
                throw new InvalidDataException($"{path}:{lineNo}: expected {Features + 1} values, found {parts.Length}");
            }

            for (var i = 0; i < Features; i++)
            {
                features.Add(float.Parse(parts[i], CultureInfo.InvariantCulture) / 16f);
            }

            labels.Add((int)float.Parse(parts[Features], CultureInfo.InvariantCulture));
        }

        return new Dataset([.. features], [.. labels], Features, Classes);
    }

    /// <summary>Finds digits.csv.gz: <paramref name="dataDir"/>, then beside the program, then in a <c>data/</c> folder above it.</summary>
    public static string Locate(string? dataDir)
    {
        if (!string.IsNullOrEmpty(dataDir))
        {
            return Path.Combine(dataDir, FileName);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FileName} not found beside {AppContext.BaseDirectory} or in a data/ folder above it");
    }
}
