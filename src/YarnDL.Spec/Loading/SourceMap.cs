using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace YarnDL.Spec.Loading;

/// <summary>Dotted key path → position of the key and of its value, built from the YAML node tree.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, (Mark Key, Mark Value)> _marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scalars = new(StringComparer.Ordinal);

    public static SourceMap Build(YamlNode? root)
    {
        var map = new SourceMap();
        if (root is not null)
        {
            map.Walk(string.Empty, root);
        }

        return map;
    }

    /// <summary>Position of the key at <paramref name="path"/>, else of the nearest existing parent, else 1:1.</summary>
    public Mark KeyOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_marks.TryGetValue(p, out var m))
            {
                return m.Key;
            }
        }

        return Mark.Empty;
    }

    /// <summary>Position of the value at <paramref name="path"/>, falling back like <see cref="KeyOf"/>.</summary>
    public Mark ValueOf(string path) => _marks.TryGetValue(path, out var m) ? m.Value : KeyOf(path);

    /// <summary>The path whose key or value starts at <paramref name="mark"/>, if any.</summary>
    public string? PathAt(Mark mark)
    {
        foreach (var (path, m) in _marks)
        {
            if (Same(m.Key, mark) || Same(m.Value, mark))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The scalar text at <paramref name="path"/> as written in the file, if it is a scalar.</summary>
    public string? ScalarAt(string path) => _scalars.GetValueOrDefault(path);

    private static bool Same(Mark a, Mark b) => a.Line == b.Line && a.Column == b.Column;

    private static string Parent(string path)
    {
        var i = path.LastIndexOf('.');
        return i < 0 ? string.Empty : path[..i];
    }

    private void Walk(string prefix, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (k, v) in mapping.Children)
                {
                    var name = (k as YamlScalarNode)?.Value ?? "?";
                    var path = prefix.Length == 0 ? name : prefix + "." + name;
                    _marks.TryAdd(path, (k.Start, v.Start));
                    if (v is YamlScalarNode { Value: { } text })
                    {
                        _scalars.TryAdd(path, text);
                    }

                    Walk(path, v);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var path = $"{prefix}[{i}]";
                    _marks.TryAdd(path, (sequence.Children[i].Start, sequence.Children[i].Start));
                    Walk(path, sequence.Children[i]);
                }

                break;
        }
    }
}
