using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace YarnDL.Spec.Loading;

/// <summary>
/// Locates dotted key paths (<c>roles.worker.gpus</c>) in a job file, so checks made after loading (the cluster preflight)
/// report <c>file:line:column</c> like the loader does.
/// </summary>
public sealed class SpecLocator
{
    private readonly SourceMap _map;
    private readonly string _file;

    private SpecLocator(SourceMap map, string file) => (_map, _file) = (map, file);

    /// <summary>A locator over <paramref name="yaml"/>; text that does not parse locates everything at 1:1.</summary>
    public static SpecLocator For(string yaml, string fileName)
    {
        YamlNode? root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException)
        {
            // Loading reports syntax errors; here an unparsable text only loses positions.
        }

        return new SpecLocator(SourceMap.Build(root), fileName);
    }

    /// <summary><c>file:line:column</c> of the key at <paramref name="path"/>, else of its nearest parent, else of the file's start.</summary>
    public string Locate(string path)
    {
        var mark = _map.KeyOf(path);
        return $"{_file}:{Math.Max(1, mark.Line)}:{Math.Max(1, mark.Column)}";
    }
}
